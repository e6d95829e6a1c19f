package io.protohive.kernel.identity;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.AccountToken.Purpose;
import io.protohive.kernel.mail.Mailer;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Proving an email address, and resetting a forgotten password, through mailed links. */
@ApplicationScoped
public class AccountRecovery {

  static final Duration VERIFICATION_LIFETIME = Duration.ofHours(24);
  static final Duration RESET_LIFETIME = Duration.ofHours(1);
  static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
  private static final String LINK_REFUSED = "This link is not valid any more; ask for a new one.";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Mailer mailer;
  @Inject AuditLog audit;
  @Inject AccountStandings standings;

  @Inject PlatformSettings settings;

  private final PasswordHasher hasher = new PasswordHasher();

  /** Mails a link that proves the account's address. Call inside the sign-up's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  @AsPlatform
  public void sendVerification(UserAccount account) {
    String link = link("verify-email", issue(account, Purpose.VERIFY_EMAIL, VERIFICATION_LIFETIME));
    mailer.send(
        account.tenantId(),
        account.email(),
        "Verify your email address for ProtoHive",
        "Hello "
            + account.displayName()
            + ",\n\nopen this link to verify your email address:\n\n"
            + link
            + "\n\nThe link works once, for "
            + VERIFICATION_LIFETIME.toHours()
            + " hours.\n",
        List.of(link));
  }

  /** Mails a new account's owner a link to choose a password. Call inside its transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  @AsPlatform
  public void sendInvitation(UserAccount account, String tenantName, String invitedBy) {
    String link =
        link("reset-password", issue(account, Purpose.RESET_PASSWORD, INVITATION_LIFETIME));
    mailer.send(
        account.tenantId(),
        account.email(),
        "You are invited to " + tenantName + " on ProtoHive",
        "Hello,\n\n"
            + invitedBy
            + " invited you to "
            + tenantName
            + " on ProtoHive. Choose your password here:\n\n"
            + link
            + "\n\nThe link works once, for "
            + INVITATION_LIFETIME.toDays()
            + " days.\n",
        List.of(link));
  }

  @Transactional(dontRollbackOn = Rejection.class)
  @AsPlatform
  public void verifyEmail(String token) {
    AccountToken redeemable = find(token, Purpose.VERIFY_EMAIL);
    spend(redeemable);
    entityManager.find(UserAccount.class, redeemable.userId()).verifyEmail();
  }

  /**
   * Mails a reset link when exactly one account has this address (in the tenant, when given). Says
   * nothing either way, so the endpoint tells nobody which addresses have accounts.
   */
  @Transactional
  @AsPlatform
  public void requestPasswordReset(String email, Optional<String> tenantSlug) {
    String normalized;
    try {
      normalized = Credentials.normalizeEmail(email);
    } catch (Rejection invalid) {
      return;
    }
    List<UserAccount> accounts = AccountQueries.withEmail(entityManager, normalized, tenantSlug);
    if (accounts.size() != 1 || accounts.get(0).isDisabled()) {
      return;
    }
    UserAccount account = accounts.get(0);
    String link = link("reset-password", issue(account, Purpose.RESET_PASSWORD, RESET_LIFETIME));
    mailer.send(
        account.tenantId(),
        account.email(),
        "Reset your ProtoHive password",
        "Hello "
            + account.displayName()
            + ",\n\nsomeone asked to reset your password. If it was you, open this link:\n\n"
            + link
            + "\n\nThe link works once, for "
            + RESET_LIFETIME.toMinutes()
            + " minutes. If it was not you, ignore this mail.\n",
        List.of(link));
  }

  /** Sets a new password and signs the account out everywhere. */
  @Transactional(dontRollbackOn = Rejection.class)
  @AsPlatform
  public void resetPassword(String token, String newPassword, String address) {
    AccountToken redeemable = find(token, Purpose.RESET_PASSWORD);
    UserAccount account = entityManager.find(UserAccount.class, redeemable.userId());
    Credentials.requireStrongPassword(newPassword, account.email());
    spend(redeemable);
    account.changePassword(hasher.hash(newPassword.toCharArray()));
    // the mailed link proved the address as well
    account.verifyEmail();
    standings.endSessions(account.id());
    audit.record(account.tenantId(), account.id(), Action.PASSWORD_RESET, account.email(), address);
  }

  /**
   * A new token, which revokes the account's earlier ones of its purpose: the newest link works.
   */
  private String issue(UserAccount account, Purpose purpose, Duration lifetime) {
    String token = OpaqueTokens.generate();
    Instant now = Instant.now();
    entityManager
        .createQuery(
            "update AccountToken t set t.revokedAt = :now where t.userId = :user"
                + " and t.purpose = :purpose and t.usedAt is null and t.revokedAt is null")
        .setParameter("now", now)
        .setParameter("user", account.id())
        .setParameter("purpose", purpose)
        .executeUpdate();
    entityManager.persist(
        new AccountToken(account.id(), purpose, OpaqueTokens.hash(token), now, now.plus(lifetime)));
    return token;
  }

  /**
   * Marks the token used in one guarded update: of parallel redemptions, the database lets one
   * through and the others find it used.
   */
  private void spend(AccountToken redeemable) {
    Instant now = Instant.now();
    int spent =
        entityManager
            .createQuery(
                "update AccountToken t set t.usedAt = :now where t.id = :id"
                    + " and t.usedAt is null and t.revokedAt is null and t.expiresAt > :now")
            .setParameter("now", now)
            .setParameter("id", redeemable.id())
            .executeUpdate();
    if (spent != 1) {
      throw Rejection.invalid("token", LINK_REFUSED);
    }
  }

  private AccountToken find(String token, Purpose purpose) {
    return entityManager
        .createQuery(
            "select t from AccountToken t where t.tokenHash = :hash and t.purpose = :purpose",
            AccountToken.class)
        .setParameter("hash", OpaqueTokens.hash(token == null ? "" : token))
        .setParameter("purpose", purpose)
        .getResultStream()
        .filter(t -> t.usableAt(Instant.now()))
        .findFirst()
        .orElseThrow(() -> Rejection.invalid("token", LINK_REFUSED));
  }

  private String link(String page, String token) {
    return settings.publicUrl() + "/" + page + "?token=" + token;
  }
}
