package io.protohive.kernel.identity.oidc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.config.CacheIsolationType;

/** A person at one of the tenant's providers, known by its subject, and the account they use. */
@Entity
// row-level security filters this tenant's rows; a cache shared by every transaction would not
@Cache(isolation = CacheIsolationType.ISOLATED)
@Table(name = "oidc_link")
public class OidcLink {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "provider_id", nullable = false)
  private String providerId;

  @Column(nullable = false)
  private String subject;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected OidcLink() {}

  OidcLink(UUID tenantId, String providerId, String subject, UUID userId, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.providerId = providerId;
    this.subject = subject;
    this.userId = userId;
    this.createdAt = now;
  }
}
