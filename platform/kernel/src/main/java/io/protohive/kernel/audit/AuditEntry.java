package io.protohive.kernel.audit;

import java.time.Instant;
import java.util.UUID;

/** An audit entry as its readers see it, with its place in its chain. */
public record AuditEntry(
    UUID id,
    long seq,
    Instant occurredAt,
    String action,
    UUID actorId,
    ActorKind actorKind,
    UUID organizationId,
    String route,
    String target,
    String subject,
    Integer outcome,
    String sourceAddress,
    String traceId,
    String hash) {

  static AuditEntry of(AuditEvent e) {
    return new AuditEntry(
        e.id(),
        e.seq(),
        e.occurredAt(),
        e.action(),
        e.actorId(),
        e.actorKind(),
        e.organizationId(),
        e.route(),
        e.target(),
        e.subject(),
        e.outcome(),
        e.sourceAddress(),
        e.traceId(),
        e.hash());
  }
}
