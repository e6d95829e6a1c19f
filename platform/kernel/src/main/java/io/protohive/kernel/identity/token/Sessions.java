package io.protohive.kernel.identity.token;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.AccountService;
import io.protohive.kernel.identity.AccountStandings;
import io.protohive.kernel.identity.SignInService;
import io.protohive.kernel.identity.SignInService.SignedIn;
import io.protohive.kernel.identity.UserAccount;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.Tenant;
import io.protohive.kernel.tenancy.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A sign-in's tokens: a short-lived access token to call the API with, and a refresh token that
 * buys the next one. Opening, refreshing and closing sessions all go through here.
 */
@ApplicationScoped
public class Sessions {

  @Inject AccessTokens accessTokens;
  @Inject RefreshTokens refreshTokens;
  @Inject AccountService accounts;
  @Inject TenantDirectory tenants;
  @Inject AuditLog audit;
  @Inject AccountStandings standings;

  /** The tokens handed to a client. */
  public record Tokens(AccessTokens.Issued access, RefreshTokens.Issued refresh) {}

  public Tokens open(SignedIn signedIn) {
    UserAccount user = signedIn.account();
    return new Tokens(
        accessTokens.issue(user, signedIn.tenant().orElse(null)), refreshTokens.start(user.id()));
  }

  /**
   * Rotates the refresh token and issues a new access token.
   *
   * @throws Rejection UNAUTHENTICATED when the token is not good any more; a replayed token also
   *     ends every session of its family
   */
  public Tokens refresh(String refreshToken, String address) {
    RefreshTokens.Issued next;
    try {
      next = refreshTokens.rotate(refreshToken == null ? "" : refreshToken);
    } catch (RefreshTokens.RefreshRefused refused) {
      if (refused.refusal().reuse()) {
        UUID userId = refused.refusal().userId();
        UUID tenantId = accounts.byId(userId).map(UserAccount::tenantId).orElse(null);
        audit.record(tenantId, userId, Action.REFRESH_TOKEN_REUSED, userId.toString(), address);
      }
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, AccountStandings.SESSION_ENDED);
    }
    UserAccount user =
        accounts
            .byId(next.userId())
            .filter(u -> !u.isDisabled())
            .orElseThrow(
                () -> Rejection.of(Rejection.Kind.UNAUTHENTICATED, AccountStandings.SESSION_ENDED));
    Optional<Tenant> tenant = tenants.byId(user.tenantId());
    SignInService.requireEnabled(tenant);
    return new Tokens(accessTokens.issue(user, tenant.orElse(null)), next);
  }

  /**
   * Keeps a sign-in to the platform's own pages: the token its browser shows to whichever node
   * serves it next, good while the person comes back within the idle time {@link #resume} is given.
   */
  public String keep(UUID userId) {
    return refreshTokens.start(userId).token();
  }

  /**
   * The sign-in a kept token stands for, while the token, its account and its tenant are all still
   * good and the token was seen within {@code idle}; empty otherwise.
   */
  @Transactional
  @AsPlatform
  public Optional<SignedIn> resume(String keptToken, Duration idle) {
    return refreshTokens
        .keptBy(keptToken == null ? "" : keptToken, idle)
        .flatMap(accounts::byId)
        .filter(user -> !user.isDisabled())
        .flatMap(
            user -> {
              Optional<Tenant> tenant = tenants.byId(user.tenantId());
              return tenant.map(Tenant::disabled).orElse(false)
                  ? Optional.empty()
                  : Optional.of(new SignedIn(user, tenant));
            });
  }

  /** Signs out the session the refresh token belongs to. */
  public void close(String refreshToken, UUID userId, UUID tenantId, String address) {
    if (refreshToken != null) {
      refreshTokens.revokeFamilyOf(refreshToken);
    }
    audit.record(tenantId, userId, Action.SIGN_OUT, null, address);
  }

  /** Signs a user out on every device: API clients, UI sessions and sockets. */
  @Transactional
  @AsPlatform
  public void closeAll(UUID userId, UUID tenantId, String address) {
    standings.endSessions(userId);
    audit.record(tenantId, userId, Action.SIGN_OUT_EVERYWHERE, null, address);
  }
}
