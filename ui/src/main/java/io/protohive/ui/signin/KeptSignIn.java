package io.protohive.ui.signin;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SynchronizedRequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import io.protohive.kernel.identity.SignInService.SignedIn;
import io.protohive.kernel.identity.token.Sessions;
import io.protohive.ui.layout.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.Cookie;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps a person signed in to the platform's pages when their UI session is lost: its node died, or
 * the load balancer sent them to another one. Signing in gives the browser a cookie holding a kept
 * sign-in's token; a request that arrives in a session with nobody signed in but with that cookie
 * signs its person in again, while the token, the account and the tenant are good and the browser
 * was seen within {@link #IDLE}. Signing out, and ending every session, revoke the token.
 */
@ApplicationScoped
public class KeptSignIn {

  static final String COOKIE = "protohive_signin";

  /** How long a browser may stay away and still come back signed in: a UI session's lifetime. */
  static final Duration IDLE = Duration.ofMinutes(30);

  /** How often an open session tells the kept sign-in that its browser is still there. */
  static final Duration SEEN_EVERY = Duration.ofMinutes(5);

  /** The session's kept token and when it was last shown to the kernel. */
  private record Held(String token, Instant seenAt) implements Serializable {}

  void serviceInit(@Observes ServiceInitEvent event) {
    event.addRequestHandler(new Resumption());
  }

  /** Starts a kept sign-in for the person signed in to this session. */
  static void keep(UUID userId) {
    String token = sessions().keep(userId);
    VaadinSession.getCurrent().setAttribute(Held.class, new Held(token, Instant.now()));
    VaadinResponse response = VaadinResponse.getCurrent();
    if (response != null) {
      response.addCookie(cookie(token, -1));
    }
  }

  /** Ends the session's kept sign-in, on signing out. */
  static void forget(SignedInUser user) {
    VaadinSession session = VaadinSession.getCurrent();
    Held held = session.getAttribute(Held.class);
    session.setAttribute(Held.class, null);
    sessions()
        .close(
            held == null ? null : held.token(),
            user.id(),
            user.tenantId(),
            ClientAddress.current());
    VaadinResponse response = VaadinResponse.getCurrent();
    if (response != null) {
      response.addCookie(cookie("", 0));
    }
  }

  private static Sessions sessions() {
    return CDI.current().select(Sessions.class).get();
  }

  private static Cookie cookie(String value, int maxAge) {
    Cookie cookie = new Cookie(COOKIE, value);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSecure(true);
    cookie.setAttribute("SameSite", "Lax");
    // -1: gone when the browser closes, like the session cookie it stands in for
    cookie.setMaxAge(maxAge);
    return cookie;
  }

  private static Optional<String> presented(VaadinRequest request) {
    Cookie[] cookies = request.getCookies();
    return Arrays.stream(cookies == null ? new Cookie[0] : cookies)
        .filter(c -> COOKIE.equals(c.getName()) && !c.getValue().isEmpty())
        .map(Cookie::getValue)
        .findFirst();
  }

  private static final class Resumption extends SynchronizedRequestHandler {

    @Override
    public boolean synchronizedHandleRequest(
        VaadinSession session, VaadinRequest request, VaadinResponse response) {
      Held held = session.getAttribute(Held.class);
      if (session.getAttribute(SignedInUser.class) != null) {
        if (held != null && Instant.now().isAfter(held.seenAt().plus(SEEN_EVERY))) {
          sessions().resume(held.token(), IDLE);
          session.setAttribute(Held.class, new Held(held.token(), Instant.now()));
        }
        return false;
      }
      presented(request)
          .ifPresent(
              token -> {
                Optional<SignedIn> resumed = sessions().resume(token, IDLE);
                if (resumed.isPresent()) {
                  SignedInUser.resume(session, resumed.get());
                  session.setAttribute(Held.class, new Held(token, Instant.now()));
                } else {
                  response.addCookie(cookie("", 0));
                }
              });
      return false;
    }
  }
}
