package io.protohive.rest.conversation;

import io.protohive.kernel.conversation.ConversationService;
import io.protohive.kernel.conversation.ConversationService.Posted;
import io.protohive.kernel.conversation.ConversationView;
import io.protohive.kernel.conversation.MessageView;
import io.protohive.kernel.conversation.SpeakerSelection;
import io.protohive.kernel.idempotency.IdempotencyKeys;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.platform.Rejection;
import io.protohive.rest.Idempotent;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Conversations with an organization's agents, their messages, and the agents' runs. */
@WriteScope(Scope.CHAT)
@Path("conversations")
@Tag(name = "Conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationResource {

  @Inject ConversationService conversations;
  @Inject SignedIn signedIn;
  @Context UriInfo uri;

  /**
   * A new conversation with some of an organization's agents.
   *
   * @param speakerSelection MENTION (the default), ROUND_ROBIN or MODERATOR
   * @param moderatorAgentId the organization's agent that moderates, with MODERATOR
   */
  public record NewConversation(
      UUID organizationId,
      List<UUID> agentIds,
      String title,
      SpeakerSelection speakerSelection,
      UUID moderatorAgentId) {}

  /**
   * A person's message.
   *
   * @param agentId the agent that should answer; absent to let an @mention or the first agent
   * @param files ids of the organization's files to attach, up to ten; they join the conversation's
   *     knowledge
   */
  public record NewMessage(String content, UUID agentId, List<UUID> files) {}

  @POST
  @Operation(summary = "Start a conversation with agents of an organization")
  @Idempotent
  @Parameter(ref = IdempotencyKeys.HEADER)
  public Response create(NewConversation body) {
    NewConversation request = RequestBodies.require(body);
    ConversationView created =
        conversations.create(
            signedIn.caller(),
            request.organizationId(),
            request.agentIds(),
            request.title(),
            request.speakerSelection(),
            request.moderatorAgentId());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("search")
  @Operation(
      summary = "Search the messages of an organization's conversations",
      description =
          "The messages holding every word of q (whole words, any case), newest first, at most"
              + " 50.")
  public PageResponse<MessageView> search(
      @QueryParam("organizationId") UUID organizationId, @QueryParam("q") String words) {
    if (organizationId == null) {
      throw Rejection.invalid("organizationId", "Name the organization to search in.");
    }
    return PageResponse.ranked(conversations.search(signedIn.caller(), organizationId, words));
  }

  @GET
  @Path("{conversationId}")
  @Operation(summary = "One conversation")
  public ConversationView get(@PathParam("conversationId") UUID conversationId) {
    return conversations.get(signedIn.caller(), conversationId);
  }

  @GET
  @Path("{conversationId}/messages")
  @Operation(summary = "The messages of a conversation, oldest first, in pages")
  public PageResponse<MessageView> messages(
      @PathParam("conversationId") UUID conversationId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        conversations.messages(signedIn.caller(), conversationId, limit, cursor));
  }

  @POST
  @Path("{conversationId}/messages")
  @Operation(
      summary = "Say something; an agent answers in the background",
      description =
          "202 with the message and the run of the agent that answers; follow the run at"
              + " /api/v1/runs/{runId}, the answer appears among the messages.")
  @Idempotent
  @Parameter(ref = IdempotencyKeys.HEADER)
  public Response post(@PathParam("conversationId") UUID conversationId, NewMessage body) {
    NewMessage message = RequestBodies.require(body);
    Caller caller = signedIn.caller();
    Posted posted =
        conversations.say(
            caller, conversationId, message.content(), message.agentId(), message.files());
    return Response.accepted(posted)
        .location(
            UriBuilder.fromUri(uri.getBaseUri())
                .path("runs")
                .path(posted.runId().toString())
                .build())
        .build();
  }
}
