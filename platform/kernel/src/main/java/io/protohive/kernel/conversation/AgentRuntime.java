package io.protohive.kernel.conversation;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.llm.LlmGateway;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.plugin.ToolService;
import io.protohive.kernel.plugin.ToolService.AvailableTool;
import io.protohive.kernel.plugin.ToolService.ToolInvocation;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an agent's turn: builds its context (persona and the conversation so far), asks the gateway,
 * runs the tools it calls through the plugin host and feeds their results back, until it answers or
 * reaches its step limit. Every step goes into the run's trace; the answer becomes the agent's
 * message. Turns run on managed threads, never on the request's.
 */
@ApplicationScoped
public class AgentRuntime {

  private static final Logger LOG = Logger.getLogger(AgentRuntime.class.getName());
  static final int CONTEXT_MESSAGES = 40;

  /**
   * Agents hand the word to each other by @mention; after this many agent turns in a row a person
   * must speak again, so that no exchange of agents runs forever.
   */
  static final int MAX_AGENT_TURNS = 4;

  @Inject RunSteps steps;
  @Inject LlmGateway gateway;
  @Inject ToolService tools;
  @Inject ConversationEvents events;
  @Inject ConversationService conversations;

  @Resource ManagedExecutorService executor;

  private final Set<UUID> stopped = ConcurrentHashMap.newKeySet();

  /** Announces a person's message and starts the answering agent's run on a managed thread. */
  public void launch(Caller caller, ConversationService.Posted posted) {
    MessageView message = posted.message();
    events.publish(
        caller.tenantId(),
        message.conversationId(),
        posted.runId(),
        "message.created",
        Json.createObjectBuilder()
            .add("messageId", message.id().toString())
            .add("authorKind", message.authorKind())
            .add("authorId", message.authorId().toString())
            .add("content", message.content())
            .add("agentId", posted.agentId().toString())
            .build());
    executor.execute(() -> execute(caller, posted.runId(), 1));
  }

  /** Stops a running turn: its model call is cancelled and the run fails as stopped. */
  public RunView stop(Caller caller, UUID runId) {
    RunView run = conversations.run(caller, runId);
    if ("RUNNING".equals(run.status())) {
      stopped.add(runId);
    }
    return run;
  }

  void execute(Caller caller, UUID runId, int agentTurn) {
    RunSteps.Turn turn = steps.turn(caller, runId);
    AgentView agent = turn.agent();
    JsonArrayBuilder trace = Json.createArrayBuilder();
    try {
      Map<String, AvailableTool> offered = offeredTools(caller, agent);
      List<ChatMessage> messages = context(turn);
      CallScope scope =
          new CallScope(
              caller.tenantId(), agent.organizationId(), agent.id(), turn.conversationId(), null);
      for (int step = 1; step <= agent.maxSteps(); step++) {
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (!offered.isEmpty()) {
          request.toolSpecifications(specifications(offered));
        }
        if (agent.temperature() != null) {
          request.temperature(agent.temperature());
        }
        trace.add(
            Json.createObjectBuilder().add("kind", "prompt").add("messages", messages.size()));
        ChatResponse response =
            gateway.stream(
                scope,
                request.build(),
                text ->
                    publish(
                        caller,
                        turn,
                        "message.delta",
                        Json.createObjectBuilder().add("text", text)),
                () -> stopped.contains(runId));
        AiMessage answer = response.aiMessage();
        trace.add(RunTrace.response(response));
        if (!answer.hasToolExecutionRequests()) {
          MessageView message =
              steps.complete(
                  caller, runId, turn, String.valueOf(answer.text()), trace.build().toString());
          publish(
              caller,
              turn,
              "message.completed",
              Json.createObjectBuilder()
                  .add("messageId", message.id().toString())
                  .add("content", message.content()));
          handOver(caller, turn, message.content(), agentTurn);
          return;
        }
        messages.add(answer);
        for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
          messages.add(callTool(caller, turn, offered, call, trace));
        }
      }
      fail(caller, turn, trace, "The agent reached its step limit.");
    } catch (CancellationException e) {
      fail(caller, turn, trace, "Stopped by a person.");
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Run " + runId + " failed", e);
      fail(caller, turn, trace, describe(e));
    } finally {
      stopped.remove(runId);
    }
  }

  /** Starts the turn of the agent the answer @mentions, unless agents spoke too long already. */
  private void handOver(Caller caller, RunSteps.Turn turn, String answer, int agentTurn) {
    String lower = answer.toLowerCase(Locale.ROOT);
    UUID next =
        turn.participants().stream()
            .filter(id -> !id.equals(turn.agent().id()))
            .filter(
                id -> {
                  String name = turn.agentNames().get(id);
                  return name != null && lower.contains("@" + name.toLowerCase(Locale.ROOT));
                })
            .findFirst()
            .orElse(null);
    if (next == null) {
      return;
    }
    if (agentTurn >= MAX_AGENT_TURNS) {
      publish(
          caller, turn, "turns.capped", Json.createObjectBuilder().add("limit", MAX_AGENT_TURNS));
      return;
    }
    UUID runId = steps.followUp(caller, turn.conversationId(), next);
    executor.execute(() -> execute(caller, runId, agentTurn + 1));
  }

  private void fail(Caller caller, RunSteps.Turn turn, JsonArrayBuilder trace, String error) {
    trace.add(Json.createObjectBuilder().add("kind", "error").add("message", error));
    steps.fail(caller, turn.runId(), trace.build().toString(), error);
    publish(caller, turn, "run.failed", Json.createObjectBuilder().add("error", error));
  }

  /** An event of the turn's conversation, naming the run and the agent. */
  private void publish(Caller caller, RunSteps.Turn turn, String type, JsonObjectBuilder payload) {
    events.publish(
        caller.tenantId(),
        turn.conversationId(),
        turn.runId(),
        type,
        payload
            .add("runId", turn.runId().toString())
            .add("agentId", turn.agent().id().toString())
            .build());
  }

  private ToolExecutionResultMessage callTool(
      Caller caller,
      RunSteps.Turn turn,
      Map<String, AvailableTool> offered,
      ToolExecutionRequest call,
      JsonArrayBuilder trace) {
    AvailableTool tool = offered.get(call.name());
    trace.add(RunTrace.toolCall(call));
    publish(caller, turn, "tool.call", RunTrace.toolCall(call));
    String result;
    if (tool == null) {
      result = "There is no tool named " + call.name() + ".";
    } else {
      ToolInvocation invocation =
          tools.invoke(
              caller,
              tool.id(),
              RunTrace.arguments(call.arguments()),
              turn.agent().organizationId());
      trace.add(RunTrace.toolResult(invocation));
      publish(caller, turn, "tool.result", RunTrace.toolResult(invocation));
      result = invocation.content();
    }
    return ToolExecutionResultMessage.from(call, result);
  }

  /**
   * The agent's tools that its tenant has enabled, by the name models see (dots are not allowed).
   */
  private Map<String, AvailableTool> offeredTools(Caller caller, AgentView agent) {
    Map<String, AvailableTool> offered = new LinkedHashMap<>();
    for (AvailableTool tool : tools.available(caller)) {
      if (agent.tools().contains(tool.id())) {
        offered.put(tool.id().replace('.', '_'), tool);
      }
    }
    return offered;
  }

  private static List<ToolSpecification> specifications(Map<String, AvailableTool> offered) {
    List<ToolSpecification> specifications = new ArrayList<>();
    offered.forEach(
        (name, tool) ->
            specifications.add(
                ToolSpecification.builder()
                    .name(name)
                    .description(tool.description())
                    .parameters(ToolSchemas.parameters(tool.parametersSchema()))
                    .build()));
    return specifications;
  }

  /** The persona, then the conversation so far: other agents' words are marked with their name. */
  private static List<ChatMessage> context(RunSteps.Turn turn) {
    AgentView agent = turn.agent();
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(
        SystemMessage.from(
            "You are " + agent.name() + ", " + agent.role() + ".\n" + agent.persona()));
    for (MessageView message : turn.history()) {
      if ("AGENT".equals(message.authorKind()) && agent.id().equals(message.authorId())) {
        messages.add(AiMessage.from(message.content()));
      } else if ("AGENT".equals(message.authorKind())) {
        String name = turn.agentNames().getOrDefault(message.authorId(), "Another agent");
        messages.add(UserMessage.from("[" + name + "] " + message.content()));
      } else {
        messages.add(UserMessage.from(message.content()));
      }
    }
    return messages;
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
