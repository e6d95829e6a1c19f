package io.protohive.rest.llm;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.llm.BudgetExhausted;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.llm.LlmGateway;
import io.protohive.kernel.llm.LlmProviders;
import io.protohive.kernel.llm.LlmProviders.AvailableProvider;
import io.protohive.kernel.llm.LlmUnavailable;
import io.protohive.kernel.llm.PersonCallScopes;
import io.protohive.kernel.platform.Rejection;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
import io.protohive.rest.llm.ChatRequests.Chat;
import io.protohive.rest.problem.RejectionMapper;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Model calls through the gateway, for the caller's tenant, with its route and budgets. */
@WriteScope(Scope.CHAT)
@Path("llm")
@Tag(name = "LLM gateway")
// one instance for every call: creating one per request would look its executor up in the
// naming service each time, a measurable part of a call's cost
@ApplicationScoped
public class LlmResource {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject LlmGateway gateway;
  @Inject LlmProviders providers;
  @Inject PersonCallScopes scopes;
  @Inject SignedIn signedIn;

  @Resource ManagedExecutorService executor;

  /** A whole answer, with what it used. */
  public record Answer(String content, String model, int promptTokens, int completionTokens) {
    static Answer of(ChatResponse response) {
      return new Answer(
          response.aiMessage().text(),
          response.modelName(),
          response.tokenUsage() == null ? 0 : response.tokenUsage().inputTokenCount(),
          response.tokenUsage() == null ? 0 : response.tokenUsage().outputTokenCount());
    }
  }

  @GET
  @Path("providers")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The LLM providers of the plugins the caller's tenant enabled, with models")
  public PageResponse<AvailableProvider> available(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        providers.available(signedIn.caller()), AvailableProvider::id, limit, cursor);
  }

  @POST
  @Path("chat")
  @Consumes(MediaType.APPLICATION_JSON)
  // preferred when the client accepts anything: streaming is asked for by name
  @Produces(MediaType.APPLICATION_JSON + ";qs=1")
  @Operation(
      summary = "Ask the tenant's route for an answer",
      description =
          "For an organization of the caller's (organizationId), or for one of its agents"
              + " (agentId; the organization is the agent's): the tenant's, the organization's"
              + " and the agent's budgets apply. 402 when a budget is spent (nothing was sent),"
              + " 429 when the tenant is over its model call limit, 503 when no provider"
              + " answered. Ask with Accept: text/event-stream to receive the answer as it"
              + " streams.")
  public Answer chat(Chat body) {
    Chat chat = RequestBodies.require(body);
    ChatRequest request = ChatRequests.toRequest(chat);
    return Answer.of(gateway.chat(scope(chat), request));
  }

  @POST
  @Path("chat")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
  @Operation(
      summary = "Stream an answer from the tenant's route",
      description =
          "Events: delta {text} for each piece, then completed {content, model, promptTokens,"
              + " completionTokens}, or error {status, detail}. Closing the stream stops the call.")
  public void stream(Chat body, @Context SseEventSink sink, @Context Sse sse) {
    Chat chat = RequestBodies.require(body);
    ChatRequest request = ChatRequests.toRequest(chat);
    CallScope scope = scope(chat);
    // the event stream is written asynchronously: the call runs on a managed thread of its own
    executor.execute(() -> streamTo(sink, sse, scope, request));
  }

  private void streamTo(SseEventSink sink, Sse sse, CallScope scope, ChatRequest request) {
    try {
      ChatResponse response =
          gateway.stream(
              scope,
              request,
              text -> send(sink, sse, "delta", Map.of("text", text)),
              sink::isClosed);
      send(sink, sse, "completed", Answer.of(response));
    } catch (BudgetExhausted e) {
      send(sink, sse, "error", Map.of("status", 402, "detail", e.getMessage()));
    } catch (LlmUnavailable e) {
      send(sink, sse, "error", Map.of("status", 503, "detail", e.getMessage()));
    } catch (Rejection e) {
      send(
          sink,
          sse,
          "error",
          Map.of(
              "status",
              RejectionMapper.statusOf(e.kind()).getStatusCode(),
              "detail",
              e.getMessage()));
    } catch (CancellationException e) {
      // the client went away
    } finally {
      sink.close();
    }
  }

  /**
   * Sends one event and waits until it is written: sending is asynchronous, and closing the sink
   * with an event still queued would lose it. One stream's events are sent one at a time, in order;
   * other streams do not wait for them.
   */
  private static void send(SseEventSink sink, Sse sse, String name, Object data) {
    synchronized (sink) {
      if (!sink.isClosed()) {
        sink.send(
                sse.newEventBuilder()
                    .name(name)
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(JSON.toJson(data))
                    .build())
            .toCompletableFuture()
            .join();
      }
    }
  }

  /**
   * What the call is charged to: an organization the caller is a member of, and an agent of it when
   * one is named, so that no one spends another organization's budgets or escapes their own.
   */
  private CallScope scope(Chat chat) {
    return scopes.of(signedIn.caller(), chat.organizationId(), chat.agentId());
  }
}
