package io.protohive.ui;

import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinRequest;
import java.lang.reflect.Proxy;

/** A request being handled, as views see it, that comes from an address the audit trail records. */
public final class CurrentRequest {

  private CurrentRequest() {}

  /** Makes the current request one from the address; {@code CurrentInstance.clearAll()} ends it. */
  public static void from(String address) {
    CurrentInstance.set(
        VaadinRequest.class,
        (VaadinRequest)
            Proxy.newProxyInstance(
                VaadinRequest.class.getClassLoader(),
                new Class<?>[] {VaadinRequest.class},
                (proxy, method, arguments) ->
                    method.getName().equals("getRemoteAddr") ? address : null));
  }
}
