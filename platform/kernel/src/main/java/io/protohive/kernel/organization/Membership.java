package io.protohive.kernel.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.config.CacheIsolationType;

/** A person's place in an organization. */
@Entity
// row-level security filters this tenant's rows; a cache shared by every transaction would not
@Cache(isolation = CacheIsolationType.ISOLATED)
@Table(name = "membership")
public class Membership {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "organization_id", nullable = false)
  private UUID organizationId;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Membership() {}

  Membership(UUID tenantId, UUID organizationId, UUID userId, Role role, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.organizationId = organizationId;
    this.userId = userId;
    this.role = role;
    this.createdAt = now;
  }

  void changeRole(Role newRole) {
    role = newRole;
  }

  public UUID organizationId() {
    return organizationId;
  }

  public UUID userId() {
    return userId;
  }

  public Role role() {
    return role;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
