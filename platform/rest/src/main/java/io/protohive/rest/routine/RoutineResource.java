package io.protohive.rest.routine;

import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.routine.RoutineDraft;
import io.protohive.kernel.routine.RoutineSecret;
import io.protohive.kernel.routine.RoutineView;
import io.protohive.kernel.routine.Routines;
import io.protohive.kernel.routine.RunView;
import io.protohive.kernel.webhook.StandardWebhooks;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One routine: its settings, runs and triggers. The list is under organizations. */
@Path("routines")
@Tag(name = "Routines")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutineResource {

  private static final int MAX_BODY = 64 * 1024;

  @Inject Routines routines;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;

  @GET
  @Path("{routineId}")
  @Operation(summary = "A routine, without its inbound secret")
  public RoutineView get(@PathParam("routineId") UUID routineId) {
    return routines.get(signedIn.caller(), routineId);
  }

  @PATCH
  @Path("{routineId}")
  @Operation(
      summary = "Change, pause or resume a routine",
      description =
          "Absent fields keep their value; {\"enabled\": false} pauses every trigger,"
              + " {\"cron\": \"\"} removes the schedule. The organization's admins.")
  public RoutineView update(@PathParam("routineId") UUID routineId, RoutineDraft body) {
    return routines.update(signedIn.caller(), routineId, RequestBodies.require(body));
  }

  @DELETE
  @Path("{routineId}")
  @Operation(summary = "Delete a routine; the tasks it created stay")
  public Response delete(@PathParam("routineId") UUID routineId) {
    routines.delete(signedIn.caller(), routineId);
    return Response.noContent().build();
  }

  @POST
  @Path("{routineId}/secret")
  @Operation(
      summary = "Rotate the inbound webhook's secret",
      description = "The new secret is in this answer only; calls signed with the old one fail.")
  public RoutineSecret rotate(@PathParam("routineId") UUID routineId) {
    return routines.rotateSecret(signedIn.caller(), routineId);
  }

  @GET
  @Path("{routineId}/runs")
  @Operation(summary = "The routine's runs, newest first, each with the task it created")
  public PageResponse<RunView> runs(
      @PathParam("routineId") UUID routineId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(routines.runs(signedIn.caller(), routineId, limit, cursor));
  }

  @POST
  @Path("{routineId}/runs")
  @WriteScope(Scope.TASKS)
  @Operation(
      summary = "Run a routine now",
      description = "A member of the organization; the agent gets its task at once.")
  public Response run(@PathParam("routineId") UUID routineId) {
    return Response.status(Response.Status.CREATED)
        .entity(routines.run(signedIn.caller(), routineId))
        .build();
  }

  @POST
  @Path("{routineId}/trigger")
  @PermitAll
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Start a routine from another system",
      description =
          "No token: the call is signed the Standard Webhooks way with the routine's secret"
              + " (headers webhook-id, webhook-timestamp, webhook-signature: v1,<base64"
              + " HMAC-SHA256 of id.timestamp.body>). A timestamp more than 5 minutes from now,"
              + " or a bad signature, is refused with 403; a webhook-id received before with 409."
              + " The body, if any, is added to the task's description.")
  public Response trigger(
      @PathParam("routineId") UUID routineId,
      @HeaderParam(StandardWebhooks.ID) String id,
      @HeaderParam(StandardWebhooks.TIMESTAMP) String timestamp,
      @HeaderParam(StandardWebhooks.SIGNATURE) String signature)
      throws IOException {
    // the signature covers the body's exact bytes, read here before any provider parses them
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw Rejection.of(Rejection.Kind.TOO_LARGE, "A trigger's body has at most 64 KiB.");
    }
    RunView run =
        routines.trigger(
            routineId, id, timestamp, signature, new String(body, StandardCharsets.UTF_8));
    return Response.accepted(run).build();
  }
}
