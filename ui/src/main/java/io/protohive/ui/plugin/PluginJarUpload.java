package io.protohive.ui.plugin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.PluginInstaller;
import io.protohive.pluginhost.PluginDescriptor;

/**
 * Hands an uploaded plugin jar straight to the installer, which stages it and refuses it once it
 * passes the size limit: the jar is never held in memory here, and its sender's address is that of
 * the upload request. Vaadin runs this outside the session lock, so the outcome reaches the view
 * through {@link UI#access}.
 */
final class PluginJarUpload implements UploadHandler {

  private final PluginInstaller installer;
  private final Caller caller;
  private final SerializableConsumer<PluginDescriptor> installed;
  private final SerializableConsumer<Rejection> refused;

  PluginJarUpload(
      PluginInstaller installer,
      Caller caller,
      SerializableConsumer<PluginDescriptor> installed,
      SerializableConsumer<Rejection> refused) {
    this.installer = installer;
    this.caller = caller;
    this.installed = installed;
    this.refused = refused;
  }

  @Override
  public void handleUploadRequest(UploadEvent event) {
    UI ui = event.getUI();
    try {
      PluginDescriptor plugin =
          installer.upload(caller, event.getInputStream(), event.getRequest().getRemoteAddr());
      ui.access(() -> installed.accept(plugin));
    } catch (Rejection rejection) {
      ui.access(() -> refused.accept(rejection));
    }
  }
}
