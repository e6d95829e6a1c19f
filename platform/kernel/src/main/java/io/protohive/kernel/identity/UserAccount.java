package io.protohive.kernel.identity;

import io.protohive.kernel.platform.NullableUuidConverter;
import io.protohive.kernel.platform.Slugs;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person who signs in. Platform admins belong to no tenant. */
@Entity
@Table(name = "user_account")
public class UserAccount {

  /** Where service accounts' addresses are: a domain reserved never to resolve (RFC 2606). */
  public static final String SERVICE_DOMAIN = "@service-accounts.invalid";

  /** The name an erased person's account and everything they wrote go by. */
  public static final String ERASED_NAME = "deleted user";

  /** Where erased accounts' addresses are: a reserved domain that never resolves (RFC 2606). */
  static final String ERASED_DOMAIN = "@erased.invalid";

  @Id private UUID id;

  @Column(name = "tenant_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID tenantId;

  @Column(nullable = false)
  private String email;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "platform_admin", nullable = false)
  private boolean platformAdmin;

  @Column(name = "email_verified", nullable = false)
  private boolean emailVerified;

  @Column(nullable = false)
  private boolean disabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "service_account", nullable = false)
  private boolean serviceAccount;

  protected UserAccount() {}

  private UserAccount(
      UUID tenantId, String email, String displayName, String passwordHash, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.email = email;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.createdAt = now;
  }

  public static UserAccount platformAdmin(String email, String passwordHash, Instant now) {
    UserAccount admin = new UserAccount(null, email, "Platform admin", passwordHash, now);
    admin.platformAdmin = true;
    admin.emailVerified = true;
    return admin;
  }

  /** A person invited by a tenant admin, who chooses a password through a mailed link. */
  public static UserAccount invited(UUID tenantId, String email, Instant now) {
    return new UserAccount(tenantId, email, email.substring(0, email.indexOf('@')), "invited", now);
  }

  /**
   * A program's account, made by a tenant admin: it acts through API tokens alone. Its address is
   * under the reserved {@code .invalid} domain, which no mail reaches, and it has no password.
   */
  static UserAccount serviceAccount(UUID tenantId, String name, Instant now) {
    String slug = Slugs.of(name, "service");
    String email =
        slug.substring(0, Math.min(slug.length(), 40))
            + "-"
            + OpaqueTokens.generate().substring(0, 8).toLowerCase(java.util.Locale.ROOT)
            + SERVICE_DOMAIN;
    UserAccount account = new UserAccount(tenantId, email, name, "service-account", now);
    account.serviceAccount = true;
    account.emailVerified = true;
    return account;
  }

  /** A person signing up in a tenant; verified at once when the tenant does not ask for it. */
  public static UserAccount member(
      UUID tenantId,
      String email,
      String displayName,
      String passwordHash,
      boolean emailVerified,
      Instant now) {
    UserAccount member = new UserAccount(tenantId, email, displayName, passwordHash, now);
    member.emailVerified = emailVerified;
    return member;
  }

  /**
   * Erases the person from the row: no name, no address, no password, never to sign in again. The
   * row stays, so what they wrote keeps an author, shown as {@link #ERASED_NAME}.
   */
  void erase() {
    email = "erased-" + id + ERASED_DOMAIN;
    displayName = ERASED_NAME;
    passwordHash = "erased";
    disabled = true;
    emailVerified = false;
  }

  void verifyEmail() {
    emailVerified = true;
  }

  public void setDisabled(boolean value) {
    disabled = value;
  }

  void changePassword(String newHash) {
    passwordHash = newHash;
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean isPlatformAdmin() {
    return platformAdmin;
  }

  public boolean isEmailVerified() {
    return emailVerified;
  }

  public boolean isDisabled() {
    return disabled;
  }

  public boolean isServiceAccount() {
    return serviceAccount;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
