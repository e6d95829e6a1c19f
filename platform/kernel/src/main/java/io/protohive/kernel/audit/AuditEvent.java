package io.protohive.kernel.audit;

import io.protohive.kernel.platform.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who did what, in which tenant, when and from where. Never changed once written. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id private UUID id;

  @Column(name = "tenant_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID tenantId;

  @Column(name = "actor_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID actorId;

  @Column(nullable = false)
  private String action;

  private String subject;

  @Column(name = "source_address")
  private String sourceAddress;

  private String detail;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected AuditEvent() {}

  AuditEvent(
      UUID tenantId,
      UUID actorId,
      String action,
      String subject,
      String sourceAddress,
      String detail,
      Instant occurredAt) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.actorId = actorId;
    this.action = action;
    this.subject = subject;
    this.sourceAddress = sourceAddress;
    this.detail = detail;
    this.occurredAt = occurredAt;
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public UUID actorId() {
    return actorId;
  }

  public String action() {
    return action;
  }

  public String subject() {
    return subject;
  }

  public String sourceAddress() {
    return sourceAddress;
  }

  public String detail() {
    return detail;
  }

  public Instant occurredAt() {
    return occurredAt;
  }
}
