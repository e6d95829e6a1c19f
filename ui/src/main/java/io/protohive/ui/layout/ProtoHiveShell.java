package io.protohive.ui.layout;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;

/** The HTML page every view lives in: its icon and metadata. */
public class ProtoHiveShell implements AppShellConfigurator {

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.addFavIcon("icon", "icons/favicon.svg", "any");
    settings.addMetaTag("description", "ProtoHive: build and run organizations of LLM agents");
  }
}
