package io.protohive.ui.layout;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.ui.Transport;

/**
 * The HTML page every view lives in: its icon and metadata, and server push, so that an agent's
 * answer streams into a conversation as it is written. Push only carries the server's changes over
 * the WebSocket; the browser's requests stay plain HTTP, so that signing in can still give the
 * session a new id and see the client's address.
 */
@Push(transport = Transport.WEBSOCKET_XHR)
public class ProtoHiveShell implements AppShellConfigurator {

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.addFavIcon("icon", "icons/favicon.svg", "any");
    settings.addMetaTag("description", "ProtoHive: build and run organizations of LLM agents");
  }
}
