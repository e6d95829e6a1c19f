package io.protohive.rest.platform;

import io.protohive.kernel.job.JobAdministration;
import io.protohive.kernel.job.JobView;
import io.protohive.rest.PageResponse;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The background job queue, for platform admins. */
@Path("platform/jobs")
@Tag(name = "Platform")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

  @Inject JobAdministration jobs;
  @Inject SignedIn signedIn;

  @GET
  @Operation(
      summary =
          "The jobs, newest first, in pages, optionally of one status"
              + " (QUEUED, RUNNING, DONE, DEAD)")
  public PageResponse<JobView> list(
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(jobs.list(signedIn.caller(), status, limit, cursor));
  }

  @POST
  @Path("{jobId}/retry")
  @Operation(summary = "Put a dead job back in the queue with fresh attempts")
  public Response retry(@PathParam("jobId") UUID jobId) {
    jobs.retry(signedIn.caller(), jobId);
    return Response.noContent().build();
  }
}
