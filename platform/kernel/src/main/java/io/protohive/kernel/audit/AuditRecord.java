package io.protohive.kernel.audit;

import java.util.UUID;

/**
 * What a writer tells the audit log; the log adds the time and the chain's links.
 *
 * @param tenantId {@code null} for the platform's own chain
 * @param route the method and the route's template of an API request, such as {@code GET
 *     /api/v1/agents/{id}}; {@code null} for other actions
 * @param target the id of what was read or changed, when there is one
 * @param outcome the HTTP status of an API request
 * @param traceId the id of the request or job the entry belongs to, as its log lines carry it
 * @param detail what the action did, beyond its subject (an erasure's counts per kind)
 */
public record AuditRecord(
    UUID tenantId,
    UUID actorId,
    ActorKind actorKind,
    String action,
    String subject,
    UUID organizationId,
    String route,
    String target,
    Integer outcome,
    String sourceAddress,
    String traceId,
    String detail) {}
