package io.protohive.rest.auth;

import io.protohive.kernel.identity.oidc.OidcSignIn;
import io.protohive.kernel.identity.oidc.OidcTickets;
import jakarta.ws.rs.core.NewCookie;

/**
 * The cookies of a provider sign-in: the browser key that binds state and nonce to the browser that
 * started it (sent only to the OIDC endpoints), and the ticket that hands the finished sign-in to
 * the UI. Both httpOnly and SameSite=Lax, since the provider's redirect back is a cross-site
 * navigation; Secure whenever the platform is served over https.
 */
final class OidcCookies {

  static final String BROWSER_KEY = "protohive_oidc_state";
  static final String PATH = "/api/v1/auth/oidc";

  private OidcCookies() {}

  static NewCookie browserKey(String value, boolean secure) {
    return builder(BROWSER_KEY, PATH, secure)
        .value(value)
        .maxAge((int) OidcSignIn.PENDING_LIFETIME.toSeconds())
        .build();
  }

  static NewCookie browserKeyCleared(boolean secure) {
    return builder(BROWSER_KEY, PATH, secure).value("").maxAge(0).build();
  }

  /** Sent to every page, as the UI's first request after the redirect goes to the root. */
  static NewCookie ticket(String value, boolean secure) {
    return builder(OidcTickets.COOKIE, "/", secure)
        .value(value)
        .maxAge((int) OidcTickets.LIFETIME.toSeconds())
        .build();
  }

  private static NewCookie.Builder builder(String name, String path, boolean secure) {
    return new NewCookie.Builder(name)
        .path(path)
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.LAX);
  }
}
