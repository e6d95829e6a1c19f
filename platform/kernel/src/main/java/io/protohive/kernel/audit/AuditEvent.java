package io.protohive.kernel.audit;

import io.protohive.kernel.platform.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Who did what, in which tenant, when and from where. Never changed once written: each entry is
 * linked into its tenant's chain (or the platform's) by the hash of the one before.
 */
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

  @Column(name = "actor_kind")
  @Enumerated(EnumType.STRING)
  private ActorKind actorKind;

  @Column(nullable = false)
  private String action;

  private String subject;

  /** The subject's SHA-256, which the chain covers in the subject's place. */
  @Column(name = "subject_digest")
  private String subjectDigest;

  /** The subject was rewritten by a person's erasure, which leaves its digest as it was. */
  @Column(name = "subject_erased", nullable = false)
  private boolean subjectErased;

  @Column(name = "organization_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID organizationId;

  private String route;

  private String target;

  private Integer outcome;

  @Column(name = "source_address")
  private String sourceAddress;

  @Column(name = "trace_id")
  private String traceId;

  private String detail;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private long seq;

  @Column(name = "prev_hash")
  private String prevHash;

  @Column(nullable = false)
  private String hash;

  protected AuditEvent() {}

  AuditEvent(AuditRecord record, Instant occurredAt) {
    this.id = UUID.randomUUID();
    this.tenantId = record.tenantId();
    this.actorId = record.actorId();
    this.actorKind = record.actorKind();
    this.action = record.action();
    this.subject = record.subject();
    this.subjectDigest = AuditChain.digest(record.subject());
    this.organizationId = record.organizationId();
    this.route = record.route();
    this.target = record.target();
    this.outcome = record.outcome();
    this.sourceAddress = record.sourceAddress();
    this.traceId = record.traceId();
    this.detail = record.detail();
    // the database keeps microseconds: the hash is taken over what is read back
    this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** Links the entry behind the chain's last one ({@code null} and 0 for an empty chain). */
  void link(long previousSeq, String previousHash) {
    this.seq = previousSeq + 1;
    this.prevHash = previousHash;
    this.hash = AuditChain.hash(previousHash, this);
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

  public ActorKind actorKind() {
    return actorKind;
  }

  public String action() {
    return action;
  }

  public String subject() {
    return subject;
  }

  String subjectDigest() {
    return subjectDigest;
  }

  boolean subjectErased() {
    return subjectErased;
  }

  public UUID organizationId() {
    return organizationId;
  }

  public String route() {
    return route;
  }

  public String target() {
    return target;
  }

  public Integer outcome() {
    return outcome;
  }

  public String sourceAddress() {
    return sourceAddress;
  }

  public String traceId() {
    return traceId;
  }

  public String detail() {
    return detail;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public long seq() {
    return seq;
  }

  public String prevHash() {
    return prevHash;
  }

  public String hash() {
    return hash;
  }
}
