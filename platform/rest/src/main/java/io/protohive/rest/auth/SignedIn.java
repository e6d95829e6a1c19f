package io.protohive.rest.auth;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.AccessTokenVerifier;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who the current API request is from, as its access token says once {@link AccessTokenFilter}
 * verified it. Resources other than the public ones are reached only with a verified token, so for
 * them {@link #caller()} always answers.
 */
@RequestScoped
public class SignedIn {

  private Caller caller;

  void verified(Caller verified) {
    caller = verified;
  }

  /** The caller, on a request whose token was verified. */
  public Caller caller() {
    if (caller == null) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, AccessTokenVerifier.INVALID);
    }
    return caller;
  }

  /** The caller, when the request carried a valid token; public resources may be called without. */
  public Optional<Caller> ifAny() {
    return Optional.ofNullable(caller);
  }
}
