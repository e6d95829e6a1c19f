package io.protohive.rest.audit;

import io.protohive.kernel.audit.RouteSubject;
import io.protohive.kernel.observability.PlatformTraces;
import io.protohive.rest.auth.SignedIn;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.regex.Pattern;

/**
 * Names every request's span by the route it matched, and has {@link RequestAudit} record every
 * request whose token passed, to a resource of either door, those refused for a scope the token
 * lacks included. What the request is gets noted when it is matched, on the request's own thread;
 * the entry is written with the answer's status, which for an answer resumed later may be on
 * another thread.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AuditedRequests implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String SEEN = AuditedRequests.class.getName() + ".seen";
  private static final String ROUTE = AuditedRequests.class.getName() + ".route";
  private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(:[^}]*)?}");

  @Inject SignedIn signedIn;
  @Inject RequestAudit audit;
  @Inject PlatformTraces traces;
  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String route = route(request);
    if (route == null) {
      return;
    }
    request.setProperty(ROUTE, route);
    traces.route(request.getMethod(), route);
    note(request, route);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(ROUTE) == null
        && response.getStatus() != Response.Status.TOO_MANY_REQUESTS.getStatusCode()) {
      // refused by an earlier filter, for a scope its token lacks, on the request's own thread:
      // noted now, so that the refusal is in the caller's trail too. A rate limit's refusals are
      // not: writing each would cost the database what the limit spares it
      String route = route(request);
      if (route != null) {
        note(request, route);
      }
    }
    Object seen = request.getProperty(SEEN);
    if (seen != null) {
      audit.record(
          (RequestAudit.Seen) seen,
          response.getStatus(),
          response.getStatus() == Response.Status.CREATED.getStatusCode()
              ? createdId(response.getEntity())
              : null);
    }
  }

  /** The matched resource's route, such as {@code /api/v1/agents/{agentId}}; none unmatched. */
  private String route(ContainerRequestContext request) {
    return resource.getResourceMethod() == null
        ? null
        : PARAMETER.matcher(template(request)).replaceAll("{$1}");
  }

  private String template(ContainerRequestContext request) {
    Method handler = resource.getResourceMethod();
    return join(
        request.getUriInfo().getBaseUri().getPath(),
        path(resource.getResourceClass().getAnnotation(Path.class)),
        path(handler.getAnnotation(Path.class)));
  }

  /** What the request is, for a signed-in caller. */
  private void note(ContainerRequestContext request, String route) {
    if (signedIn.ifAny().isEmpty()) {
      return;
    }
    MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
    RouteSubject subject = RouteSubject.of(route, parameters::getFirst);
    RequestAudit.Seen seen =
        audit.seen(
            signedIn.ifAny().get(),
            request.getHeaderString(HttpHeaders.AUTHORIZATION),
            request.getMethod(),
            route,
            subject.organizationId(),
            subject.target(),
            servletRequest.getRemoteAddr());
    if (seen != null) {
      request.setProperty(SEEN, seen);
    }
  }

  /** The id of what a {@code 201} answer created, when the answer is a record that has one. */
  private static String createdId(Object entity) {
    if (entity == null || !entity.getClass().isRecord()) {
      return null;
    }
    for (RecordComponent component : entity.getClass().getRecordComponents()) {
      if (component.getName().equals("id")) {
        try {
          Object id = component.getAccessor().invoke(entity);
          return id == null ? null : id.toString();
        } catch (ReflectiveOperationException unreadable) {
          return null;
        }
      }
    }
    return null;
  }

  private static String path(Path path) {
    return path == null ? "" : path.value();
  }

  private static String join(String... parts) {
    return ("/" + String.join("/", parts)).replaceAll("/{2,}", "/").replaceAll("(.)/$", "$1");
  }
}
