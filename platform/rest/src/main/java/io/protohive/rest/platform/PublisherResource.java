package io.protohive.rest.platform;

import io.protohive.kernel.idempotency.IdempotencyKeys;
import io.protohive.kernel.plugin.TrustedPublishers;
import io.protohive.kernel.plugin.TrustedPublishers.Publisher;
import io.protohive.rest.Idempotent;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The publishers whose signed plugins the platform installs, for platform admins. */
@Path("platform/publishers")
@Tag(name = "Platform administration")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublisherResource {

  @Inject TrustedPublishers publishers;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  /** A publisher to trust: a name and its X.509 certificate in PEM form. */
  public record NewPublisher(String name, String certificate) {}

  /** A trusted publisher; built-in ones have no id and cannot be removed. */
  public record PublisherView(
      UUID id, String name, String subject, String fingerprint, boolean builtIn, Instant addedAt) {
    static PublisherView of(Publisher p) {
      return new PublisherView(
          p.id(), p.name(), p.subject(), p.fingerprint(), p.builtIn(), p.addedAt());
    }
  }

  @GET
  @Operation(summary = "The trusted publishers")
  public PageResponse<PublisherView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        publishers.list(signedIn.caller()).stream().map(PublisherView::of).toList(),
        PublisherView::fingerprint,
        limit,
        cursor);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Trust a publisher's signing certificate")
  @Idempotent
  @Parameter(ref = IdempotencyKeys.HEADER)
  public Response add(NewPublisher body) {
    NewPublisher given = RequestBodies.require(body);
    Publisher added =
        publishers.add(
            signedIn.caller(), given.name(), given.certificate(), request.getRemoteAddr());
    return Response.created(uri.getAbsolutePathBuilder().path(added.id().toString()).build())
        .entity(PublisherView.of(added))
        .build();
  }

  @DELETE
  @Path("{publisherId}")
  @Operation(
      summary = "Stop trusting a publisher",
      description = "Installed plugins keep running; new installs of its plugins are refused.")
  public Response remove(@PathParam("publisherId") UUID publisherId) {
    publishers.remove(signedIn.caller(), publisherId, request.getRemoteAddr());
    return Response.noContent().build();
  }
}
