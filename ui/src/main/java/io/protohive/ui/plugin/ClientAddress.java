package io.protohive.ui.plugin;

import com.vaadin.flow.server.VaadinRequest;

/** Where the request being handled comes from: the audit trail records it with each change. */
final class ClientAddress {

  private ClientAddress() {}

  static String current() {
    return VaadinRequest.getCurrent().getRemoteAddr();
  }
}
