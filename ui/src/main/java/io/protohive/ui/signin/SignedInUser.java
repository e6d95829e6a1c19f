package io.protohive.ui.signin;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.protohive.kernel.identity.AccountStandings;
import io.protohive.kernel.identity.AccountView;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.SignInService;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is signed in to this UI session; held on the server, never in the browser. The session
 * generation it was opened under lets {@link SessionStandingCheck} end it when the account's
 * sessions end.
 */
public record SignedInUser(
    UUID id,
    String email,
    UUID tenantId,
    boolean platformAdmin,
    boolean tenantAdmin,
    long generation) {

  public static Optional<SignedInUser> current() {
    VaadinSession session = VaadinSession.getCurrent();
    return session == null
        ? Optional.empty()
        : Optional.ofNullable(session.getAttribute(SignedInUser.class));
  }

  public static void signIn(SignInService.SignedIn signedIn) {
    // a new session id on sign-in, so an id planted before it is worth nothing after
    VaadinService.reinitializeSession(VaadinRequest.getCurrent());
    resume(VaadinSession.getCurrent(), signedIn);
    KeptSignIn.keep(signedIn.accountView().id());
  }

  /** Signs a person in to a session, whose lock the caller holds, without a new session id. */
  static void resume(VaadinSession session, SignInService.SignedIn signedIn) {
    AccountView account = signedIn.accountView();
    session.setAttribute(
        SignedInUser.class,
        new SignedInUser(
            account.id(),
            account.email(),
            account.tenantId(),
            account.platformAdmin(),
            signedIn.tenantAdmin(),
            CDI.current().select(AccountStandings.class).get().of(account.id()).generation()));
  }

  /**
   * Keeps this UI session open after its own person ended the account's other sessions by changing
   * the password: it takes on the account's new generation, and a new kept sign-in in place of the
   * one the change revoked.
   */
  public static void keepThisSession() {
    VaadinSession session = VaadinSession.getCurrent();
    SignedInUser user = session.getAttribute(SignedInUser.class);
    long generation = CDI.current().select(AccountStandings.class).get().of(user.id()).generation();
    session.setAttribute(
        SignedInUser.class,
        new SignedInUser(
            user.id(),
            user.email(),
            user.tenantId(),
            user.platformAdmin(),
            user.tenantAdmin(),
            generation));
    KeptSignIn.keep(user.id());
  }

  public static void signOut() {
    current().ifPresent(KeptSignIn::forget);
    end(VaadinSession.getCurrent());
  }

  /** Ends a session, whose lock the caller holds, on a request's thread. */
  static void end(VaadinSession session) {
    leave(session);
    session.getSession().invalidate();
  }

  /** Signs the person out of a session whose lock the caller holds, keeping the session. */
  static void leave(VaadinSession session) {
    session.setAttribute(SignedInUser.class, null);
  }

  public Caller caller() {
    return new Caller(id, tenantId);
  }
}
