package io.protohive.rest.audit;

import io.protohive.kernel.audit.ActorKind;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditRecord;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.ApiTokens;
import io.protohive.kernel.platform.LogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit entry every API request of a signed-in caller leaves, reads included: who (and how they
 * signed in), which route on what, with which outcome, from where, under which trace id. Requests
 * without a valid token leave none: they reached no tenant's data. {@code
 * protohive.audit.requests=false} switches these entries off (the explicit actions stay), to
 * measure what they cost.
 */
@ApplicationScoped
public class RequestAudit {

  private static final Set<String> READS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final String API_TOKEN = "Bearer " + ApiTokens.PREFIX;

  @Inject AuditLog log;

  @Inject
  @ConfigProperty(name = "protohive.audit.requests", defaultValue = "true")
  boolean enabled;

  /** What a request is, as known before it is served; its outcome comes with {@link #record}. */
  public record Seen(
      Caller caller,
      ActorKind kind,
      String method,
      String route,
      UUID organizationId,
      String target,
      String sourceAddress,
      String traceId) {}

  /**
   * @param authorization the request's {@code Authorization} header, which tells an API token from
   *     a signed-in person
   * @return {@code null} when requests are not audited
   */
  public Seen seen(
      Caller caller,
      String authorization,
      String method,
      String route,
      UUID organizationId,
      String target,
      String sourceAddress) {
    if (!enabled) {
      return null;
    }
    return new Seen(
        caller,
        kind(caller, authorization),
        method,
        method + " " + route,
        organizationId,
        target,
        sourceAddress,
        LogContext.field("requestId"));
  }

  /**
   * @param target what the request created, when the answer names it; the one seen otherwise
   */
  public void record(Seen seen, int status, String target) {
    log.record(
        new AuditRecord(
            seen.caller().tenantId(),
            seen.caller().userId(),
            seen.kind(),
            READS.contains(seen.method()) ? AuditLog.API_READ : AuditLog.API_CHANGE,
            null,
            seen.organizationId(),
            seen.route(),
            target == null ? seen.target() : target,
            status,
            seen.sourceAddress(),
            seen.traceId(),
            null));
  }

  private static ActorKind kind(Caller caller, String authorization) {
    if (authorization != null
        && authorization.regionMatches(true, 0, API_TOKEN, 0, API_TOKEN.length())) {
      return ActorKind.API_TOKEN;
    }
    return caller.tenantId() == null ? ActorKind.PLATFORM_ADMIN : ActorKind.PERSON;
  }
}
