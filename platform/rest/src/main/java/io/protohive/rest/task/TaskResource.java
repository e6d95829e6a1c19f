package io.protohive.rest.task;

import io.protohive.kernel.idempotency.IdempotencyKeys;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.task.CommentView;
import io.protohive.kernel.task.TaskChange;
import io.protohive.kernel.task.TaskDetails;
import io.protohive.kernel.task.TaskService;
import io.protohive.kernel.task.TaskView;
import io.protohive.rest.Idempotent;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One task: its details, changes and comments. An organization's list is under organizations. */
@WriteScope(Scope.TASKS)
@Path("tasks")
@Tag(name = "Tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

  @Inject TaskService tasks;
  @Inject SignedIn signedIn;

  /** A comment on a task. */
  public record NewComment(String content) {}

  @GET
  @Path("{taskId}")
  @Operation(summary = "A task with its subtasks, comments and approvals")
  public TaskDetails get(@PathParam("taskId") UUID taskId) {
    return tasks.get(signedIn.caller(), taskId);
  }

  @PATCH
  @Path("{taskId}")
  @Operation(
      summary = "Change a task",
      description =
          "Absent fields keep their value. Assigning an agent, or moving the task out of the"
              + " backlog, wakes the agent to work on it.")
  public TaskView update(@PathParam("taskId") UUID taskId, TaskChange body) {
    return tasks.update(signedIn.caller(), taskId, RequestBodies.require(body));
  }

  @POST
  @Path("{taskId}/comments")
  @Operation(summary = "Comment on a task; an assigned agent reads it in its next session")
  @Idempotent
  @Parameter(ref = IdempotencyKeys.HEADER)
  public Response comment(@PathParam("taskId") UUID taskId, NewComment body) {
    CommentView comment =
        tasks.comment(signedIn.caller(), taskId, RequestBodies.require(body).content());
    return Response.status(Response.Status.CREATED).entity(comment).build();
  }
}
