package io.protohive.rest.routine;

import io.protohive.kernel.routine.RoutineDraft;
import io.protohive.kernel.routine.RoutineSecret;
import io.protohive.kernel.routine.RoutineView;
import io.protohive.kernel.routine.Routines;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An organization's routines: recurring work for its agents. */
@Path("organizations")
@Tag(name = "Routines")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationRoutineResource {

  @Inject Routines routines;
  @Inject SignedIn signedIn;
  @Context UriInfo uri;

  @GET
  @Path("{id}/routines")
  @Operation(summary = "The organization's routines, oldest first, in pages")
  public PageResponse<RoutineView> list(
      @PathParam("id") UUID id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(routines.list(signedIn.caller(), id, limit, cursor));
  }

  @POST
  @Path("{id}/routines")
  @Operation(
      summary = "Create a routine",
      description =
          "{name, agentId, titleTemplate, descriptionTemplate?, cron?, timeZone?, enabled?}."
              + " {{date}} in the templates becomes the day it fires. The cron expression is Unix"
              + " cron (\"0 9 * * 1\": Mondays at 9:00); one that is invalid or fires more often"
              + " than the tenant's minimum interval is refused with 422. The answer holds the"
              + " inbound webhook's secret, shown this once. The organization's admins.")
  public Response create(@PathParam("id") UUID id, RoutineDraft body) {
    RoutineSecret created = routines.create(signedIn.caller(), id, RequestBodies.require(body));
    return Response.created(
            uri.getBaseUriBuilder()
                .path("routines")
                .path(created.routine().id().toString())
                .build())
        .entity(created)
        .build();
  }
}
