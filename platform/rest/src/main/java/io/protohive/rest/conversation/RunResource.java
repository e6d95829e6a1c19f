package io.protohive.rest.conversation;

import io.protohive.kernel.conversation.AgentRuntime;
import io.protohive.kernel.conversation.ConversationService;
import io.protohive.kernel.conversation.RunView;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agent runs: an agent's turn with every step it took. */
@WriteScope(Scope.CHAT)
@Path("runs")
@Tag(name = "Conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

  @Inject ConversationService conversations;
  @Inject AgentRuntime runtime;
  @Inject SignedIn signedIn;

  @GET
  @Path("{runId}")
  @Operation(summary = "A run: its status and its trace of prompts, responses and tool calls")
  public RunView run(@PathParam("runId") UUID runId) {
    return conversations.run(signedIn.caller(), runId);
  }

  @POST
  @Path("{runId}/stop")
  @Operation(summary = "Stop a running turn; its model call is cancelled")
  public RunView stop(@PathParam("runId") UUID runId) {
    return runtime.stop(signedIn.caller(), runId);
  }
}
