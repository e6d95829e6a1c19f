package io.protohive.kernel.conversation;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.protohive.kernel.agent.AgentLoop;
import io.protohive.kernel.agent.AgentStops;
import io.protohive.kernel.agent.WorkLog;
import io.protohive.kernel.file.FileRecords;
import io.protohive.kernel.file.ToolFileReads;
import io.protohive.kernel.file.ToolFiles;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.job.JobWorkers;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.observability.PlatformTraces;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an agent's turn: builds its context ({@link TurnContext}) and lets the agent think in the
 * {@link AgentLoop}, which runs the tools it calls (the platform's own, {@link PlatformTools}, and
 * its plugin tools through the plugin host; in parallel when it calls several at once) and feeds
 * their results back, until it answers or reaches its step limit. Every step goes into the run's
 * trace; the answer becomes the agent's message and then the next speaker, if any, takes the word.
 * A moderation run only picks that speaker, in a step of the same loop ({@link Moderator}). Every
 * turn is the work of a job ({@link ConversationTurns}), so it runs on a worker of any node and is
 * taken over when its node dies: each step is stored in the run's {@link WorkLog} as it finishes,
 * and the node that takes the turn over goes on from the next step, running no finished tool call
 * again.
 */
@ApplicationScoped
public class AgentRuntime {

  private static final Logger LOG = Logger.getLogger(AgentRuntime.class.getName());

  /** The newest messages an agent reads besides the conversation's summary. */
  static final int CONTEXT_MESSAGES = 40;

  /**
   * After this many agent turns in a row a person must speak again, however the speakers are
   * chosen, so that no exchange of agents runs forever.
   */
  public static final int MAX_AGENT_TURNS = 4;

  private static final String STOPPED = "Stopped by a person.";

  @Inject PlatformTraces traces;
  @Inject RunSteps steps;
  @Inject AgentLoop loop;
  @Inject ToolService tools;
  @Inject AgentToolbox toolbox;
  @Inject PlatformTools platformTools;
  @Inject ConversationEvents events;
  @Inject ConversationService conversations;
  @Inject TurnContext context;
  @Inject ConversationSummaries summaries;
  @Inject Moderator moderator;

  @Inject AgentStops stops;
  @Inject JobWorkers workers;

  /** Tool calls run side by side on managed threads. */
  @Resource ManagedExecutorService executor;

  @Inject ToolFiles toolFiles;
  @Inject ToolFileReads fileReads;

  /**
   * Stops a running turn, on whichever node runs it: the request is stored with the run and sent to
   * every node; its model call is cancelled and the run fails as stopped.
   */
  public RunView stop(Caller caller, UUID runId) {
    RunView run = conversations.requestStop(caller, runId);
    if ("RUNNING".equals(run.status())) {
      stops.request(runId);
    }
    return run;
  }

  /**
   * Runs a turn, unless it ended already: this is its job's work, on the node that claimed it. The
   * calling thread builds the turn's context and starts the model; the rest of the turn goes on
   * where the model's answer completes, and no thread waits for it while it streams.
   *
   * @param answered how many agents answered since the person spoke
   * @return done when the turn ended, answered or failed; completed exceptionally when this node
   *     stops during the turn, which another node then takes over
   */
  CompletableFuture<Void> execute(Caller caller, UUID runId, int answered) {
    stops.started(runId);
    JsonArrayBuilder trace = Json.createArrayBuilder();
    RunSteps.Turn turn = null;
    CompletableFuture<Void> work;
    try {
      turn = steps.pending(caller, runId).orElse(null);
      if (turn == null) {
        stops.ended(runId);
        return CompletableFuture.completedFuture(null);
      }
      if (steps.stopRequested(caller, runId)) {
        throw new CancellationException(STOPPED);
      }
      AgentView agent = turn.agent();
      traces.agentRun(runId, agent.id(), agent.name(), turn.conversationId());
      CallScope scope =
          new CallScope(
              caller.tenantId(), agent.organizationId(), agent.id(), turn.conversationId(), null);
      if (turn.kind() == RunKind.MODERATION) {
        Optional<UUID> next = moderator.choose(scope, turn, trace);
        steps.moderated(
            caller,
            turn,
            trace.build().toString(),
            next.map(speaker -> new RunSteps.Next(speaker, RunKind.ANSWER, answered)));
        work = CompletableFuture.completedFuture(null);
      } else {
        work =
            answer(
                caller, scope, summaries.refresh(caller, scope, turn, trace), answered + 1, trace);
      }
    } catch (RuntimeException | LinkageError e) {
      work = CompletableFuture.failedFuture(e);
    }
    RunSteps.Turn started = turn;
    return work.handle(
        (done, error) -> {
          try {
            if (error != null) {
              failed(caller, started, trace, unwrapped(error));
            }
            return null;
          } finally {
            stops.ended(runId);
          }
        });
  }

  /**
   * Ends the run as failed for what the turn threw; rethrows it when there is no run to fail, or
   * when this node is going down: that is no fault of the turn, and the run is left for the node
   * that takes its job over.
   */
  private void failed(Caller caller, RunSteps.Turn turn, JsonArrayBuilder trace, Throwable e) {
    if (turn == null
        || workers.stopping()
        || !(e instanceof Exception || e instanceof LinkageError)) {
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e instanceof Error fatal) {
        throw fatal;
      }
      throw new CompletionException(e);
    }
    if (e instanceof CancellationException) {
      fail(caller, turn, trace, RunFailure.STOPPED, STOPPED);
    } else {
      LOG.log(Level.FINE, "Run " + turn.runId() + " failed", e);
      fail(caller, turn, trace, RunFailure.of(e), describe(e));
    }
  }

  /** What a stage of the turn threw, without the future's wrapping. */
  static Throwable unwrapped(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Ends a run that no node will finish, unless it ended already. */
  void abandon(Caller caller, UUID runId, String error) {
    steps
        .pending(caller, runId)
        .ifPresent(turn -> fail(caller, turn, Json.createArrayBuilder(), RunFailure.FAILED, error));
  }

  private CompletableFuture<Void> answer(
      Caller caller, CallScope scope, RunSteps.Turn turn, int agentTurn, JsonArrayBuilder trace) {
    AgentView agent = turn.agent();
    Map<String, AvailableTool> offered = toolbox.offered(caller, agent, false);
    List<ToolSpecification> specifications =
        new ArrayList<>(platformTools.specifications(work(caller, turn)));
    specifications.addAll(AgentToolbox.specifications(offered));
    List<ChatMessage> messages = context.build(scope, turn, agentTurn, trace);
    resume(caller, turn, offered, messages, trace);
    return loop.runAsync(
        scope,
        agent,
        messages,
        specifications,
        new AgentLoop.Hooks() {
          @Override
          public boolean stopped() {
            return stops.stopped(turn.runId());
          }

          @Override
          public void streamed(String text) {
            publish(caller, turn, "message.delta", Json.createObjectBuilder().add("text", text));
          }

          @Override
          public void asking(List<ChatMessage> prompt) {
            trace.add(
                Json.createObjectBuilder()
                    .add("kind", "prompt")
                    .add("messages", prompt.size())
                    .add("text", RunTrace.lastWords(prompt)));
          }

          @Override
          public void responded(ChatResponse response, long latencyMillis) {
            trace.add(RunTrace.response(response).add("latencyMillis", latencyMillis));
          }

          @Override
          public void answered(ChatResponse response) {
            finish(caller, scope, turn, response, agentTurn, trace);
          }

          @Override
          public Optional<List<ToolExecutionResultMessage>> called(AiMessage calls) {
            steps.record(caller, turn.runId(), List.of(calls));
            return Optional.of(
                callTools(caller, turn, offered, calls.toolExecutionRequests(), trace));
          }

          @Override
          public void exhausted(int limit) {
            fail(caller, turn, trace, RunFailure.STEP_LIMIT, "The agent reached its step limit.");
          }
        });
  }

  /**
   * Gives the model the steps that an earlier attempt at the turn finished before its node died,
   * and runs the calls of the last one that have no result yet, so that the loop goes on from the
   * next step.
   */
  private void resume(
      Caller caller,
      RunSteps.Turn turn,
      Map<String, AvailableTool> offered,
      List<ChatMessage> messages,
      JsonArrayBuilder trace) {
    List<ChatMessage> finished = turn.finished();
    if (finished.isEmpty()) {
      return;
    }
    trace.add(Json.createObjectBuilder().add("kind", "resumed").add("steps", finished.size()));
    messages.addAll(finished);
    List<ToolExecutionRequest> unanswered = WorkLog.unanswered(finished);
    if (!unanswered.isEmpty()) {
      messages.addAll(callTools(caller, turn, offered, unanswered, trace));
    }
  }

  /**
   * Stores the agent's answer with the next speaker's run, then tells the subscribers; nothing when
   * the run had ended on another node meanwhile.
   */
  private void finish(
      Caller caller,
      CallScope scope,
      RunSteps.Turn turn,
      ChatResponse response,
      int agentTurn,
      JsonArrayBuilder trace) {
    String content = String.valueOf(response.aiMessage().text());
    Optional<RunSteps.Next> next = nextSpeaker(turn, content, agentTurn);
    boolean capped = next.isPresent() && agentTurn >= MAX_AGENT_TURNS;
    Optional<MessageView> stored =
        steps.complete(
            caller,
            turn,
            content,
            response.modelName(),
            trace.build().toString(),
            capped ? Optional.empty() : next);
    if (stored.isEmpty()) {
      return;
    }
    MessageView message = stored.get();
    JsonObjectBuilder completed =
        Json.createObjectBuilder()
            .add("messageId", message.id().toString())
            .add("content", message.content())
            .add("files", AttachedFile.json(message.files()));
    if (message.model() != null) {
      completed.add("model", message.model());
    }
    publish(caller, turn, "message.completed", completed);
    context.remember(scope, message);
    if (capped) {
      publish(
          caller, turn, "turns.capped", Json.createObjectBuilder().add("limit", MAX_AGENT_TURNS));
    }
  }

  /**
   * Who takes the word after an agent answered: the agent it @mentions, the next in turn, or whom
   * the moderator picks; beyond {@link #MAX_AGENT_TURNS} agent turns the caller lets nobody speak.
   */
  private static Optional<RunSteps.Next> nextSpeaker(
      RunSteps.Turn turn, String answer, int agentTurn) {
    ConversationView conversation = turn.conversation();
    List<UUID> participants = conversation.agentIds();
    UUID self = turn.agent().id();
    Optional<UUID> mentioned = NextSpeaker.mentioned(answer, participants, turn.agentNames(), self);
    Optional<UUID> next =
        switch (conversation.speakerSelection()) {
          case MENTION -> mentioned;
          case ROUND_ROBIN ->
              mentioned.or(
                  () ->
                      agentTurn < participants.size()
                          ? Optional.of(NextSpeaker.after(participants, self))
                          : Optional.empty());
          case MODERATOR ->
              mentioned.or(() -> Optional.ofNullable(conversation.moderatorAgentId()));
        };
    boolean moderated =
        mentioned.isEmpty() && conversation.speakerSelection() == SpeakerSelection.MODERATOR;
    return next.map(
        speaker ->
            new RunSteps.Next(speaker, moderated ? RunKind.MODERATION : RunKind.ANSWER, agentTurn));
  }

  private void fail(
      Caller caller, RunSteps.Turn turn, JsonArrayBuilder trace, RunFailure reason, String error) {
    trace.add(Json.createObjectBuilder().add("kind", "error").add("message", error));
    if (steps.fail(caller, turn.runId(), trace.build().toString(), error)) {
      publish(
          caller,
          turn,
          "run.failed",
          Json.createObjectBuilder().add("error", error).add("reason", reason.name()));
    }
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

  /**
   * Runs the tools the model called, at the same time when it called several (a model asks for
   * several at once only when they do not depend on each other), and gives their results in the
   * order of the calls.
   */
  private List<ToolExecutionResultMessage> callTools(
      Caller caller,
      RunSteps.Turn turn,
      Map<String, AvailableTool> offered,
      List<ToolExecutionRequest> calls,
      JsonArrayBuilder trace) {
    for (ToolExecutionRequest call : calls) {
      trace.add(RunTrace.toolCall(call));
      publish(caller, turn, "tool.call", RunTrace.toolCall(call));
    }
    List<CompletableFuture<Ran>> running =
        calls.stream()
            .map(
                call ->
                    calls.size() == 1
                        ? CompletableFuture.completedFuture(run(caller, turn, offered, call))
                        : CompletableFuture.supplyAsync(
                            PlatformTraces.carrying(() -> run(caller, turn, offered, call)),
                            executor))
            .toList();
    List<ToolExecutionResultMessage> results = new ArrayList<>();
    for (CompletableFuture<Ran> future : running) {
      Ran ran;
      try {
        ran = future.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
      ran.invocation()
          .ifPresent(
              done -> {
                trace.add(RunTrace.toolResult(done));
                publish(caller, turn, "tool.result", RunTrace.toolResult(done));
              });
      results.add(ran.result());
    }
    return results;
  }

  /** A call that ran: how, if the agent has the tool, and what the model reads of it. */
  private record Ran(Optional<ToolInvocation> invocation, ToolExecutionResultMessage result) {}

  /**
   * Runs one call and stores its result in the run's work log as soon as the tool returned, so that
   * a node taking the turn over does not run it again.
   */
  private Ran run(
      Caller caller,
      RunSteps.Turn turn,
      Map<String, AvailableTool> offered,
      ToolExecutionRequest call) {
    Optional<ToolInvocation> invocation = invoke(caller, turn, offered, call);
    ToolExecutionResultMessage result =
        ToolExecutionResultMessage.from(
            call,
            invocation
                .map(ToolInvocation::content)
                .orElse("There is no tool named " + call.name() + "."));
    steps.record(caller, turn.runId(), List.of(result));
    return new Ran(invocation, result);
  }

  /**
   * The tool's invocation, a platform or MCP tool's or a plugin tool's, its files kept for the
   * organization, or none when the model named a tool the agent does not have.
   */
  private Optional<ToolInvocation> invoke(
      Caller caller,
      RunSteps.Turn turn,
      Map<String, AvailableTool> offered,
      ToolExecutionRequest call) {
    UUID organization = turn.agent().organizationId();
    return platformTools
        .invoke(work(caller, turn), call)
        .or(
            () ->
                Optional.ofNullable(offered.get(call.name()))
                    .map(
                        found ->
                            tools.invoke(
                                caller,
                                found.id(),
                                RunTrace.arguments(call.arguments()),
                                organization,
                                fileReads.forCall(caller, organization))))
        .map(
            done ->
                toolFiles.kept(
                    caller.tenantId(),
                    organization,
                    done,
                    new FileRecords.Provenance(turn.agent().id(), turn.runId(), null)));
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static AgentWork work(Caller caller, RunSteps.Turn turn) {
    return AgentWork.inConversation(caller, turn.agent(), turn.conversationId());
  }
}
