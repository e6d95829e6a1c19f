package io.protohive.ui.signin;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import java.util.UUID;

/** Who is signed in to this UI session; held on the server, never in the browser. */
public record SignedInUser(UUID id, String email) {

  public static Optional<SignedInUser> current() {
    VaadinSession session = VaadinSession.getCurrent();
    return session == null
        ? Optional.empty()
        : Optional.ofNullable(session.getAttribute(SignedInUser.class));
  }

  void store() {
    VaadinSession.getCurrent().setAttribute(SignedInUser.class, this);
  }
}
