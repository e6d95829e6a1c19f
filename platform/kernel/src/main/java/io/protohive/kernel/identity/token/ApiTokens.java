package io.protohive.kernel.identity.token;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.ServiceAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * API tokens, with which programs call the platform as an account: made by a person for themselves
 * or by a tenant admin for a service account, shown once, stored as a hash, limited to scopes,
 * expiring, revocable, and remembering when and from where they were last used. Every door takes
 * them where it takes an access token, through {@link AccessTokenVerifier}.
 */
@ApplicationScoped
public class ApiTokens {

  /**
   * How every API token starts, so that doors tell it from an access token and scanners find it.
   */
  public static final String PREFIX = "ph_";

  @Inject ApiTokenStore store;
  @Inject ServiceAccounts serviceAccounts;

  /** What the owner asks for; the token expires in 90 days unless told otherwise. */
  public record TokenRequest(String name, List<String> scopes, Integer expiresInDays) {}

  /** A token as its owner sees it, without the secret. */
  public record TokenView(
      UUID id,
      String name,
      List<String> scopes,
      String hint,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt,
      String lastUsedAddress) {}

  /** A token just made: the secret is in this answer and never again. */
  public record IssuedToken(TokenView view, String token) {}

  /**
   * A new token of {@code accountId}: the caller's own, or a service account's of its tenant.
   *
   * @throws io.protohive.kernel.platform.Rejection when the caller may not, or the request is bad
   */
  public IssuedToken issue(Caller caller, UUID accountId, TokenRequest request, String address) {
    serviceAccounts.requireManagesTokens(caller, accountId);
    return store.issue(accountId, caller.tenantId(), caller, request, address);
  }

  /** The account's tokens, newest first, revoked and expired ones included. */
  public List<TokenView> of(Caller caller, UUID accountId) {
    serviceAccounts.requireManagesTokens(caller, accountId);
    return store.of(accountId);
  }

  /** Revokes a token of the account, at once on every node: each use reads it. */
  public void revoke(Caller caller, UUID accountId, UUID tokenId, String address) {
    serviceAccounts.requireManagesTokens(caller, accountId);
    store.revoke(accountId, caller.tenantId(), caller, tokenId, address);
  }
}
