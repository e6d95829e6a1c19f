package io.protohive.rest.task;

import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.task.ApprovalDecision;
import io.protohive.kernel.task.ApprovalView;
import io.protohive.kernel.task.TaskService;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Decisions on agents' held actions. */
@WriteScope(Scope.TASKS)
@Path("approvals")
@Tag(name = "Tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalResource {

  @Inject TaskService tasks;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;

  @POST
  @Path("{approvalId}/decision")
  @Operation(
      summary = "Approve, edit and approve, or reject an agent's action",
      description =
          "Organization admins and owners decide. {approve: true|false, arguments?: JSON object"
              + " text replacing the agent's, note?}. The decision is audited and the agent"
              + " resumes.")
  public ApprovalView decide(@PathParam("approvalId") UUID approvalId, ApprovalDecision body) {
    return tasks.decide(
        signedIn.caller(), approvalId, RequestBodies.require(body), request.getRemoteAddr());
  }
}
