package io.protohive.kernel.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A customer of the platform: its users, organizations and data are walled off from others. */
@Entity
@Table(name = "tenant")
public class Tenant {

  /** Where a tenant is declared, and so where it is changed. */
  public enum Origin {
    /** A tenants-config file: read-only anywhere else. */
    CONFIG,
    /** The platform admins' API or UI. */
    API
  }

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

  /** JSON list of {@link OidcProvider}. */
  @Column(name = "oidc_providers", nullable = false)
  private String oidcProviders;

  @Column(name = "rate_limit_user")
  private Integer rateLimitUser;

  @Column(name = "rate_limit_tenant")
  private Integer rateLimitTenant;

  @Column(name = "rate_limit_llm")
  private Integer rateLimitLlm;

  /** The least time between two firings of a routine's schedule; {@code null} takes the default. */
  @Column(name = "routine_min_interval_minutes")
  private Integer routineMinIntervalMinutes;

  @Column(name = "retention_messages_days")
  private Integer retentionMessagesDays;

  @Column(name = "retention_events_days")
  private Integer retentionEventsDays;

  @Column(name = "retention_audit_days")
  private Integer retentionAuditDays;

  @Column(name = "retention_files_days")
  private Integer retentionFilesDays;

  @Column(name = "retention_usage_days")
  private Integer retentionUsageDays;

  /** What its files may take, in bytes; {@code null} takes the platform's default. */
  @Column(name = "file_quota_bytes")
  private Long fileQuotaBytes;

  /** The store its new files go to; {@code null} takes the platform's default. */
  @Column(name = "file_store")
  private String fileStore;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Origin origin;

  /** A disabled tenant's people cannot sign in, and no one can sign up to it. */
  @Column(nullable = false)
  private boolean disabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Tenant() {}

  public Tenant(String slug, Origin origin, Instant now) {
    this.id = UUID.randomUUID();
    this.slug = slug;
    this.origin = origin;
    this.allowedEmailDomains = "";
    this.adminEmails = "";
    this.oidcProviders = OidcProviders.toJson(List.of());
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Takes over the declared state: the name, who may sign up and how, the admins by email, the rate
   * limits, the files' quota and store, and the identity providers.
   *
   * @param sealedProviders the declared OIDC providers, their client secrets sealed
   * @return whether anything changed
   */
  public boolean apply(
      String declaredName,
      List<String> declaredDomains,
      boolean declaredSelfSignup,
      boolean declaredEmailVerification,
      List<String> declaredAdmins,
      TenantRateLimits declaredRateLimits,
      TenantFileSettings declaredFiles,
      Integer declaredRoutineMinIntervalMinutes,
      TenantRetention declaredRetention,
      List<OidcProvider> sealedProviders,
      Instant now) {
    String domains = String.join(" ", declaredDomains);
    String admins = String.join(" ", declaredAdmins);
    String providers = OidcProviders.toJson(sealedProviders);
    boolean changed =
        !declaredName.equals(name)
            || !declaredRateLimits.equals(rateLimits())
            || !declaredFiles.equals(fileSettings())
            || !Objects.equals(declaredRoutineMinIntervalMinutes, routineMinIntervalMinutes)
            || !declaredRetention.equals(retention())
            || !domains.equals(allowedEmailDomains)
            || !admins.equals(adminEmails)
            || !providers.equals(oidcProviders)
            || declaredSelfSignup != selfSignup
            || declaredEmailVerification != emailVerification;
    if (changed) {
      name = declaredName;
      allowedEmailDomains = domains;
      adminEmails = admins;
      oidcProviders = providers;
      selfSignup = declaredSelfSignup;
      emailVerification = declaredEmailVerification;
      rateLimitUser = declaredRateLimits.user();
      rateLimitTenant = declaredRateLimits.tenant();
      rateLimitLlm = declaredRateLimits.llm();
      fileQuotaBytes = declaredFiles.quotaBytes();
      fileStore = declaredFiles.store();
      routineMinIntervalMinutes = declaredRoutineMinIntervalMinutes;
      retentionMessagesDays = declaredRetention.messagesDays();
      retentionEventsDays = declaredRetention.eventsDays();
      retentionAuditDays = declaredRetention.auditDays();
      retentionFilesDays = declaredRetention.filesDays();
      retentionUsageDays = declaredRetention.usageDays();
      updatedAt = now;
    }
    return changed;
  }

  /** Renames the tenant. */
  public void rename(String name, Instant now) {
    this.name = name;
    updatedAt = now;
  }

  /** Sets who may sign up and how. */
  public void setSignUpRules(
      boolean selfSignup,
      boolean emailVerification,
      List<String> allowedEmailDomains,
      Instant now) {
    this.selfSignup = selfSignup;
    this.emailVerification = emailVerification;
    this.allowedEmailDomains = String.join(" ", allowedEmailDomains);
    updatedAt = now;
  }

  /** Names the tenant's admins by email, lower case. */
  public void setAdminEmails(List<String> admins, Instant now) {
    this.adminEmails = String.join(" ", admins);
    updatedAt = now;
  }

  /** Sets what its files may take and where new ones go; {@code null}s take the defaults. */
  public void setFileSettings(TenantFileSettings files, Instant now) {
    this.fileQuotaBytes = files.quotaBytes();
    this.fileStore = files.store();
    updatedAt = now;
  }

  public void setDisabled(boolean disabled, Instant now) {
    this.disabled = disabled;
    updatedAt = now;
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

  public List<OidcProvider> oidcProviders() {
    return OidcProviders.fromJson(oidcProviders);
  }

  public boolean selfSignup() {
    return selfSignup;
  }

  /** Whether a person may sign up by themselves now: allowed, and the tenant is not disabled. */
  public boolean acceptsSignUps() {
    return selfSignup && !disabled;
  }

  /** Its own rate limits; only tenants-config sets them. */
  public TenantRateLimits rateLimits() {
    return new TenantRateLimits(rateLimitUser, rateLimitTenant, rateLimitLlm);
  }

  /** Its own files' quota and store, each {@code null} where the platform's default holds. */
  public TenantFileSettings fileSettings() {
    return new TenantFileSettings(fileQuotaBytes, fileStore);
  }

  /** How long it keeps each kind of its data, each {@code null} where the default holds. */
  public TenantRetention retention() {
    return new TenantRetention(
        retentionMessagesDays,
        retentionEventsDays,
        retentionAuditDays,
        retentionFilesDays,
        retentionUsageDays);
  }

  public Origin origin() {
    return origin;
  }

  public boolean disabled() {
    return disabled;
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
