package io.protohive.kernel.identity;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.Tenant;
import io.protohive.kernel.tenancy.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Email and password sign-in, shared by the API and the UI: throttled, audited. */
@ApplicationScoped
public class SignInService {

  // compared against when no account matches, so a miss costs as much time as a hit
  private static final String DECOY_HASH = new PasswordHasher().hash("decoy".toCharArray());
  private static final String WRONG = "Email or password is wrong.";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject LoginThrottle throttle;
  @Inject AuditLog audit;
  @Inject TenantDirectory tenants;

  private final PasswordHasher hasher = new PasswordHasher();

  /** A successful sign-in; the tenant is empty for platform admins. */
  public record SignedIn(UserAccount account, Optional<Tenant> tenant) {

    /** The account as the doors see it. */
    public AccountView accountView() {
      return AccountView.of(account);
    }

    /** Whether the person administers the tenant they signed in to. */
    public boolean tenantAdmin() {
      return tenant.map(t -> TenantAdministration.administers(account, t)).orElse(false);
    }
  }

  /**
   * @param tenantSlug the tenant to sign in to; may be omitted when the email is unique
   * @param address where the request came from, for throttling and the audit trail
   * @throws Rejection when refused: wrong credentials, locked, unverified, ambiguous
   */
  @Transactional
  @AsPlatform
  public SignedIn signIn(
      String email, char[] password, Optional<String> tenantSlug, String address) {
    // before authentication there is no tenant: the account is looked up across tenants
    String normalized = Credentials.normalizeEmail(email);
    List<UserAccount> candidates = AccountQueries.withEmail(entityManager, normalized, tenantSlug);
    Optional<UserAccount> account =
        candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    String lockKey = LoginThrottle.accountKey(account, tenantSlug, normalized);
    throttle.requireUnlocked(lockKey, address);
    if (candidates.size() > 1) {
      throw Rejection.invalid(
          "tenant", "This email has accounts in several tenants; say which tenant to sign in to.");
    }
    boolean matches =
        hasher.verify(password, account.map(UserAccount::passwordHash).orElse(DECOY_HASH));
    if (account.isEmpty() || !matches || account.get().isDisabled()) {
      boolean locked = throttle.recordFailure(lockKey, address);
      UserAccount known = account.orElse(null);
      audit.record(tenantOf(known), idOf(known), Action.SIGN_IN_FAILED, normalized, address);
      if (locked) {
        audit.record(tenantOf(known), idOf(known), Action.SIGN_IN_LOCKED, normalized, address);
      }
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, WRONG);
    }
    UserAccount user = account.get();
    if (!user.isEmailVerified()) {
      throw Rejection.of(Rejection.Kind.FORBIDDEN, "Verify your email address before signing in.");
    }
    Optional<Tenant> tenant = tenants.byId(user.tenantId());
    requireEnabled(tenant);
    throttle.recordSuccess(lockKey);
    audit.record(user.tenantId(), user.id(), Action.SIGN_IN, normalized, address);
    return new SignedIn(user, tenant);
  }

  /**
   * The one check that a tenant's people may have a session: every way in (password, identity
   * provider, refresh) passes it.
   *
   * @throws Rejection FORBIDDEN when the tenant is disabled
   */
  public static void requireEnabled(Optional<Tenant> tenant) {
    if (tenant.map(Tenant::disabled).orElse(false)) {
      throw Rejection.of(
          Rejection.Kind.FORBIDDEN, "Your tenant is disabled; ask the platform's admins.");
    }
  }

  private static UUID tenantOf(UserAccount account) {
    return account == null ? null : account.tenantId();
  }

  private static UUID idOf(UserAccount account) {
    return account == null ? null : account.id();
  }
}
