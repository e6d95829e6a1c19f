package io.protohive.kernel.identity;

import io.protohive.kernel.platform.NullableUuidConverter;
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

  public Instant createdAt() {
    return createdAt;
  }
}
