package io.protohive.kernel.identity.oidc;

import io.protohive.kernel.platform.DatabaseScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A person at one of the tenant's providers, known by its subject, and the account they use. */
@Entity
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = DatabaseScope.TENANT_PROPERTY)
@Table(name = "oidc_link")
public class OidcLink {

  @Id private UUID id;

  @Column(name = "provider_id", nullable = false)
  private String providerId;

  @Column(nullable = false)
  private String subject;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected OidcLink() {}

  OidcLink(String providerId, String subject, UUID userId, Instant now) {
    this.id = UUID.randomUUID();
    this.providerId = providerId;
    this.subject = subject;
    this.userId = userId;
    this.createdAt = now;
  }
}
