package io.protohive.ui.plugin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.PluginInspectionView;
import io.protohive.kernel.plugin.PluginInstaller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stages an uploaded plugin jar in a temporary file (never in memory) and has the installer inspect
 * it, so that the admin sees what it declares before deciding to install it. Vaadin runs this
 * outside the session lock, so the outcome reaches the view through {@link UI#access}; the view
 * then owns the staged file.
 */
final class PluginJarUpload implements UploadHandler {

  private final PluginInstaller installer;
  private final Caller caller;
  private final SerializableBiConsumer<PluginInspectionView, Path> inspected;
  private final SerializableConsumer<Rejection> refused;

  PluginJarUpload(
      PluginInstaller installer,
      Caller caller,
      SerializableBiConsumer<PluginInspectionView, Path> inspected,
      SerializableConsumer<Rejection> refused) {
    this.installer = installer;
    this.caller = caller;
    this.inspected = inspected;
    this.refused = refused;
  }

  @Override
  public void handleUploadRequest(UploadEvent event) throws IOException {
    UI ui = event.getUI();
    Path staged = null;
    try {
      staged = PluginInstaller.stage(event.getInputStream());
      PluginInspectionView inspection = installer.inspect(caller, Files.newInputStream(staged));
      Path kept = staged;
      ui.access(() -> inspected.accept(inspection, kept));
    } catch (Rejection rejection) {
      deleteIfStaged(staged);
      ui.access(() -> refused.accept(rejection));
    } catch (IOException | RuntimeException e) {
      deleteIfStaged(staged);
      throw e;
    }
  }

  private static void deleteIfStaged(Path staged) throws IOException {
    if (staged != null) {
      Files.deleteIfExists(staged);
    }
  }
}
