package io.protohive.ui.layout;

import com.vaadin.flow.server.VaadinRequest;

/** Where the request being handled comes from: the audit trail records it with each change. */
public final class ClientAddress {

  private ClientAddress() {}

  public static String current() {
    return VaadinRequest.getCurrent().getRemoteAddr();
  }
}
