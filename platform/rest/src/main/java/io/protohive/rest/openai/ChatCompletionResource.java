package io.protohive.rest.openai;

import io.protohive.kernel.conversation.AgentAnswers;
import io.protohive.kernel.conversation.ConversationEvent;
import io.protohive.kernel.conversation.ConversationService;
import io.protohive.kernel.conversation.RunFailure;
import io.protohive.kernel.conversation.RunView;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.organization.AgentDirectory;
import io.protohive.kernel.platform.Rejection;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A turn of an agent, as OpenAI's chat completions: the last message of {@code messages}, a user's,
 * is posted to the conversation named (by the {@code conversation} field or the {@value
 * #CONVERSATION_HEADER} header) or to a new one with the agent, and the agent answers through the
 * platform's agent loop as it answers any message ({@link AgentAnswers}); the earlier messages are
 * the conversation's own history, not the request's. The answer says its conversation in the header
 * and in a {@code conversation} field, so a client can go on in it.
 *
 * <p>The request's thread waits for the turn to end, or streams it as it comes; at most {@link
 * #LONGEST}, after which the answer still arrives in the conversation.
 */
@WriteScope(Scope.CHAT)
@Path("chat/completions")
@RequestScoped
public class ChatCompletionResource {

  static final String CONVERSATION_HEADER = "X-Conversation-Id";

  /** How long a request waits for the agent's turn to end. */
  static final Duration LONGEST = Duration.ofMinutes(10);

  @Inject AgentDirectory directory;
  @Inject AgentAnswers answers;
  @Inject ConversationService conversations;
  @Inject SignedIn signedIn;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  public Response complete(String body, @HeaderParam(CONVERSATION_HEADER) String header)
      throws InterruptedException {
    JsonObject request = OpenAiRequests.object(body);
    String model = OpenAiRequests.string(request, "model", true);
    String content = lastUserMessage(request.get("messages"));
    UUID conversation = conversation(OpenAiRequests.string(request, "conversation", false), header);
    boolean stream = OpenAiRequests.flag(request, "stream");
    JsonValue options = request.get("stream_options");
    boolean includeUsage =
        options != null
            && options.getValueType() == JsonValue.ValueType.OBJECT
            && OpenAiRequests.flag(options.asJsonObject(), "include_usage");
    Caller caller = signedIn.caller();
    AgentDirectory.Listed agent;
    try {
      agent = directory.find(caller, model);
    } catch (Rejection notFound) {
      throw OpenAiError.modelNotFound(notFound.getMessage());
    }
    AgentAnswers.Asked asked = answers.ask(caller, agent.agent(), conversation, content);
    Turn turn = new Turn(caller, asked, agent.name(), Instant.now().getEpochSecond());
    try {
      return stream ? turn.streamed(includeUsage) : turn.whole();
    } catch (RuntimeException | InterruptedException e) {
      asked.close();
      throw e;
    }
  }

  /** The text of the last message, which must be a user's. */
  private static String lastUserMessage(JsonValue messages) {
    if (messages == null
        || messages.getValueType() != JsonValue.ValueType.ARRAY
        || messages.asJsonArray().isEmpty()) {
      throw OpenAiError.invalid("messages", "messages is an array of at least one message.");
    }
    JsonArray all = messages.asJsonArray();
    JsonValue last = all.get(all.size() - 1);
    if (last.getValueType() != JsonValue.ValueType.OBJECT
        || !"user".equals(OpenAiRequests.string(last.asJsonObject(), "role", false))) {
      throw OpenAiError.invalid(
          "messages", "The last message is the user's, which the agent answers.");
    }
    JsonValue content = last.asJsonObject().get("content");
    if (content instanceof JsonString text) {
      return text.getString();
    }
    if (content != null && content.getValueType() == JsonValue.ValueType.ARRAY) {
      StringBuilder text = new StringBuilder();
      for (JsonValue part : content.asJsonArray()) {
        if (part.getValueType() != JsonValue.ValueType.OBJECT
            || !"text".equals(OpenAiRequests.string(part.asJsonObject(), "type", false))) {
          throw OpenAiError.invalid("messages", "Only text parts are read from a message.");
        }
        text.append(OpenAiRequests.string(part.asJsonObject(), "text", true));
      }
      return text.toString();
    }
    throw OpenAiError.invalid("messages", "The last message's content is text.");
  }

  private static UUID conversation(String field, String header) {
    if (field != null && header != null && !field.strip().equals(header.strip())) {
      throw OpenAiError.invalid(
          "conversation", "The body and the " + CONVERSATION_HEADER + " header name two.");
    }
    String named = field != null ? field : header;
    if (named == null || named.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(named.strip());
    } catch (IllegalArgumentException e) {
      throw OpenAiError.invalid("conversation", "conversation is a conversation's id.");
    }
  }

  /** One agent's turn, answered whole or streamed. */
  private final class Turn {
    private final Caller caller;
    private final AgentAnswers.Asked asked;
    private final String model;
    private final long created;
    private final long deadline;
    private final StringBuilder streamed = new StringBuilder();

    Turn(Caller caller, AgentAnswers.Asked asked, String model, long created) {
      this.caller = caller;
      this.asked = asked;
      this.model = model;
      this.created = created;
      this.deadline = System.nanoTime() + LONGEST.toNanos();
    }

    /** The completion once the turn ended. */
    Response whole() throws InterruptedException {
      try (asked) {
        JsonObject completed = awaitEnd();
        String content = completed.getString("content", "");
        JsonObject message =
            Json.createObjectBuilder()
                .add("role", "assistant")
                .add("content", content)
                .addNull("refusal")
                .build();
        JsonObject completion =
            start("chat.completion")
                .add(
                    "choices",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("index", 0)
                                .add("message", message)
                                .addNull("logprobs")
                                .add("finish_reason", "stop")))
                .add("usage", usage())
                .build();
        return Response.ok(completion, MediaType.APPLICATION_JSON_TYPE)
            .header(CONVERSATION_HEADER, asked.conversationId())
            .build();
      }
    }

    /**
     * Server-sent chunks, once the agent's first words or its end arrived: a turn that fails before
     * it says anything (a spent budget, say) answers with its error's status.
     */
    Response streamed(boolean includeUsage) throws InterruptedException {
      ConversationEvent first = next();
      while (!speaks(first)) {
        first = next();
      }
      if ("run.failed".equals(first.type())) {
        asked.close();
        throw failure(payload(first));
      }
      ConversationEvent opening = first;
      StreamingOutput output = out -> stream(out, opening, includeUsage);
      return Response.ok(output, MediaType.SERVER_SENT_EVENTS_TYPE)
          .header(CONVERSATION_HEADER, asked.conversationId())
          .header("Cache-Control", "no-cache")
          .build();
    }

    private void stream(OutputStream out, ConversationEvent opening, boolean includeUsage)
        throws IOException {
      try (asked) {
        send(
            out,
            chunk(Json.createObjectBuilder().add("role", "assistant").add("content", ""), null));
        ConversationEvent event = opening;
        while (true) {
          JsonObject payload = payload(event);
          switch (event.type()) {
            case "message.delta" -> {
              String text = payload.getString("text", "");
              streamed.append(text);
              send(out, chunk(Json.createObjectBuilder().add("content", text), null));
            }
            case "message.completed" -> {
              String content = payload.getString("content", "");
              // words the stream did not carry (stored but not streamed) come last
              if (content.startsWith(streamed.toString()) && content.length() > streamed.length()) {
                send(
                    out,
                    chunk(
                        Json.createObjectBuilder()
                            .add("content", content.substring(streamed.length())),
                        null));
              }
              send(out, chunk(Json.createObjectBuilder(), "stop"));
              if (includeUsage) {
                send(
                    out,
                    start("chat.completion.chunk")
                        .add("choices", JsonValue.EMPTY_JSON_ARRAY)
                        .add("usage", usage())
                        .build());
              }
              out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
              out.flush();
              return;
            }
            case "run.failed" -> {
              send(out, failure(payload).body());
              return;
            }
            default -> {
              // tool calls and results are the conversation's to show, not the completion's
            }
          }
          event = next();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (OpenAiError timedOut) {
        send(out, timedOut.body());
      }
    }

    private void send(OutputStream out, JsonObject data) throws IOException {
      out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    private JsonObject chunk(JsonObjectBuilder delta, String finishReason) {
      JsonObjectBuilder choice = Json.createObjectBuilder().add("index", 0).add("delta", delta);
      if (finishReason == null) {
        choice.addNull("finish_reason");
      } else {
        choice.add("finish_reason", finishReason);
      }
      return start("chat.completion.chunk")
          .add("choices", Json.createArrayBuilder().add(choice.addNull("logprobs")))
          .build();
    }

    private JsonObjectBuilder start(String object) {
      return Json.createObjectBuilder()
          .add("id", "chatcmpl-" + asked.runId())
          .add("object", object)
          .add("created", created)
          .add("model", model)
          .add("conversation", asked.conversationId().toString());
    }

    /** The tokens the gateway metered for the turn's model calls. */
    private JsonObjectBuilder usage() {
      RunView run = conversations.run(caller, asked.runId());
      return Json.createObjectBuilder()
          .add("prompt_tokens", run.promptTokens())
          .add("completion_tokens", run.completionTokens())
          .add("total_tokens", run.promptTokens() + run.completionTokens());
    }

    /** The {@code message.completed} event's payload, once the turn ended. */
    private JsonObject awaitEnd() throws InterruptedException {
      ConversationEvent event = asked.end(left()).orElseThrow(this::stillAnswering);
      if ("run.failed".equals(event.type())) {
        throw failure(payload(event));
      }
      return payload(event);
    }

    private ConversationEvent next() throws InterruptedException {
      Duration left = left();
      Optional<ConversationEvent> event = left.isNegative() ? Optional.empty() : asked.next(left);
      return event.orElseThrow(this::stillAnswering);
    }

    private Duration left() {
      return Duration.ofNanos(deadline - System.nanoTime());
    }

    private OpenAiError stillAnswering() {
      return new OpenAiError(
          504,
          "The agent is still answering; its answer will be in conversation "
              + asked.conversationId()
              + ".",
          "server_error",
          null,
          "timeout");
    }
  }

  /** Whether the turn said something, or ended. */
  private static boolean speaks(ConversationEvent event) {
    return switch (event.type()) {
      case "message.delta", "message.completed", "run.failed" -> true;
      default -> false;
    };
  }

  private static JsonObject payload(ConversationEvent event) {
    return Json.createReader(new StringReader(event.payload())).readObject();
  }

  /** A failed turn as OpenAI's clients tell errors apart; a spent budget is 402, as elsewhere. */
  private static OpenAiError failure(JsonObject failed) {
    String error = failed.getString("error", "The agent's turn failed.");
    RunFailure reason;
    try {
      reason = RunFailure.valueOf(failed.getString("reason", RunFailure.FAILED.name()));
    } catch (IllegalArgumentException unknown) {
      reason = RunFailure.FAILED;
    }
    return switch (reason) {
      case BUDGET_EXHAUSTED ->
          new OpenAiError(402, error, "insufficient_quota", null, "insufficient_quota");
      case MODEL_UNAVAILABLE ->
          new OpenAiError(503, error, "server_error", null, "model_unavailable");
      default -> new OpenAiError(500, error, "server_error", null, "run_failed");
    };
  }
}
