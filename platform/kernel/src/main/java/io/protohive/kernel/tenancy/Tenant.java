package io.protohive.kernel.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A customer of the platform: its users, organizations and data are walled off from others. */
@Entity
@Table(name = "tenant")
public class Tenant {

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(nullable = false)
  private String name;

  /** Space-separated, lower case. */
  @Column(name = "allowed_email_domains", nullable = false)
  private String allowedEmailDomains;

  @Column(name = "self_signup", nullable = false)
  private boolean selfSignup;

  @Column(name = "email_verification", nullable = false)
  private boolean emailVerification;

  /** Space-separated, lower case. */
  @Column(name = "admin_emails", nullable = false)
  private String adminEmails;

  /** JSON list of {@link OidcProviderDefinition}. */
  @Column(name = "oidc_providers", nullable = false)
  private String oidcProviders;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Tenant() {}

  public Tenant(String slug, Instant now) {
    this.id = UUID.randomUUID();
    this.slug = slug;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Takes over the declared state.
   *
   * @return whether anything changed
   */
  public boolean apply(TenantDefinition definition, Instant now) {
    String domains = String.join(" ", definition.allowedEmailDomains());
    String admins = String.join(" ", definition.admins());
    String providers = OidcProviders.toJson(definition.oidcProviders());
    boolean changed =
        !definition.name().equals(name)
            || !domains.equals(allowedEmailDomains)
            || !admins.equals(adminEmails)
            || !providers.equals(oidcProviders)
            || definition.selfSignup() != selfSignup
            || definition.emailVerification() != emailVerification;
    if (changed) {
      name = definition.name();
      allowedEmailDomains = domains;
      adminEmails = admins;
      oidcProviders = providers;
      selfSignup = definition.selfSignup();
      emailVerification = definition.emailVerification();
      updatedAt = now;
    }
    return changed;
  }

  public UUID id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public List<String> allowedEmailDomains() {
    return allowedEmailDomains.isEmpty()
        ? List.of()
        : Arrays.asList(allowedEmailDomains.split(" "));
  }

  /** The email addresses tenants-config names as the tenant's admins. */
  public List<String> adminEmails() {
    return adminEmails.isEmpty() ? List.of() : Arrays.asList(adminEmails.split(" "));
  }

  public boolean isAdmin(String email) {
    return !adminEmails.isEmpty() && Arrays.asList(adminEmails.split(" ")).contains(email);
  }

  public List<OidcProviderDefinition> oidcProviders() {
    return OidcProviders.fromJson(oidcProviders);
  }

  public boolean selfSignup() {
    return selfSignup;
  }

  public boolean emailVerification() {
    return emailVerification;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
