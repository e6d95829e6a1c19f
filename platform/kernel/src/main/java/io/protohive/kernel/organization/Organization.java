package io.protohive.kernel.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.config.CacheIsolationType;

/** An AI company: the agents, people and work of one team, inside a tenant. */
@Entity
// row-level security filters this tenant's rows; a cache shared by every transaction would not
@Cache(isolation = CacheIsolationType.ISOLATED)
@Table(name = "organization")
public class Organization {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected Organization() {}

  Organization(UUID tenantId, String name, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.name = name;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void rename(String newName, Instant now) {
    name = newName;
    updatedAt = now;
  }

  void delete(Instant now) {
    deletedAt = now;
    updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  Instant deletedAtOrNull() {
    return deletedAt;
  }
}
