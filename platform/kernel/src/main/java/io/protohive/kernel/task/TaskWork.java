package io.protohive.kernel.task;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.protohive.kernel.agent.AgentLoop;
import io.protohive.kernel.agent.AgentStops;
import io.protohive.kernel.agent.ToolOutput;
import io.protohive.kernel.agent.WorkLog;
import io.protohive.kernel.conversation.AgentToolbox;
import io.protohive.kernel.conversation.AgentWork;
import io.protohive.kernel.conversation.PlatformTools;
import io.protohive.kernel.file.FileRecords;
import io.protohive.kernel.file.ToolFileReads;
import io.protohive.kernel.file.ToolFiles;
import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobHandler;
import io.protohive.kernel.job.Postponed;
import io.protohive.kernel.llm.BudgetExhausted;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.observability.PlatformTraces;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.plugin.ToolApprovals;
import io.protohive.kernel.plugin.ToolService;
import io.protohive.kernel.plugin.ToolService.AvailableTool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * An agent's session of work on its task, run as a job: it reads what is new (the brief, people's
 * comments, its subtasks' results, approval decisions), then plans, calls tools, delegates to its
 * reports, comments, and finishes or escalates, up to its step limit, in the {@link AgentLoop},
 * whose tool calls run here. Calls of plugin tools that are consequential, or that the tenant's
 * admins hold, and of MCP tools that ask first wait for a person's approval: the session ends and
 * the next one, after the decision, runs or refuses the call. A session with nothing new to read
 * calls no model. Every step goes into the task's {@link WorkLog} as it finishes, so a session
 * taken over after its node died runs no finished call again; a person closing the task stops the
 * session on whichever node it runs ({@link AgentStops}).
 */
@ApplicationScoped
public class TaskWork implements JobHandler {

  public static final String KIND = "task.work";

  /** How long a session waits before it tries again to take a task another session works on. */
  private static final Duration SESSION_WAIT = Duration.ofSeconds(1);

  private static final String RULES =
      "\n\nYou are working on a task of your organization. Use your tools to do the work, post"
          + " progress with task_comment when it helps, delegate to your reports where their"
          + " role fits, and finish with task_complete and the result. If you cannot go on, use"
          + " task_escalate.\n"
          + ToolOutput.RULE;

  @Inject TaskSteps steps;
  @Inject PlatformTraces traces;
  @Inject AgentLoop loop;
  @Inject ToolService tools;
  @Inject AgentToolbox toolbox;
  @Inject PlatformTools platformTools;
  @Inject ToolApprovals approvals;
  @Inject AgentStops stops;
  @Inject ToolFiles toolFiles;
  @Inject ToolFileReads fileReads;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(Job job) {
    JsonObject payload = Json.createReader(new StringReader(job.payload())).readObject();
    UUID taskId = UUID.fromString(payload.getString("taskId"));
    if (!steps.hold(job.tenantId(), taskId, job.id())) {
      // thrown outside of the transaction, which would otherwise report it as a failure
      throw new Postponed("another session works on the task", SESSION_WAIT);
    }
    // registered before the session reads the task, so a person closing it is seen either way
    stops.started(taskId);
    try {
      Optional<TaskSteps.Session> opened =
          steps.open(job.tenantId(), taskId, payload.getBoolean("due", false));
      if (opened.isPresent() && !opened.get().heldForApproval()) {
        session(job, opened.get());
      }
    } finally {
      stops.ended(taskId);
    }
  }

  private void session(Job job, TaskSteps.Session session) {
    try {
      work(session);
    } catch (CancellationException closed) {
      // a person closed the task while the agent worked, on this node or another: the session
      // ends where it stands, its finished steps in the log
    } catch (BudgetExhausted spent) {
      // no retry brings a spent budget back before a person raises it
      steps.block(session, "No model call was made: " + spent.getMessage(), List.of());
    } catch (RuntimeException e) {
      if (job.attempts() < job.maxAttempts()) {
        throw e;
      }
      // the last attempt: a person has to look, the queue gives up
      steps.block(
          session,
          "The agent's work failed " + job.attempts() + " times; the last time: " + e.getMessage(),
          List.of());
    }
  }

  private void work(TaskSteps.Session session) {
    AgentView agent = session.agent();
    traces.agentTask(session.task().id(), agent.id(), agent.name());
    Map<String, AvailableTool> offered = toolbox.offered(session.caller(), agent, true);
    List<String> held = approvals.held(session.tenantId());
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(system(session)));
    messages.addAll(session.log());
    if (answerPending(session, offered, held, messages) == Outcome.STOP) {
      return;
    }
    if (session.news() != null) {
      UserMessage news = UserMessage.from(session.news());
      messages.add(news);
      steps.append(session.tenantId(), session.task().id(), List.of(news), true);
    } else if (!interrupted(session, messages)) {
      return;
    }
    steps.status(session, TaskStatus.IN_PROGRESS);
    CallScope scope =
        new CallScope(
            session.tenantId(), agent.organizationId(), agent.id(), null, session.task().id());
    loop.run(
        scope,
        agent,
        messages,
        specifications(session, offered),
        new AgentLoop.Hooks() {
          @Override
          public boolean stopped() {
            return stops.stopped(session.task().id());
          }

          @Override
          public void answered(ChatResponse response) {
            AiMessage answer = response.aiMessage();
            steps.answered(session, String.valueOf(answer.text()), List.of(answer));
          }

          @Override
          public Optional<List<ToolExecutionResultMessage>> called(AiMessage calls) {
            steps.append(session.tenantId(), session.task().id(), List.of(calls), false);
            List<ToolExecutionResultMessage> results = new ArrayList<>();
            return callTools(session, offered, held, calls.toolExecutionRequests(), results)
                    == Outcome.STOP
                ? Optional.empty()
                : Optional.of(results);
          }

          @Override
          public void exhausted(int limit) {
            steps.block(
                session,
                agent.name() + " reached the step limit of " + limit + " for one session.",
                List.of());
          }
        });
  }

  /**
   * Whether the last session stopped before the agent answered: its node died, or a held call was
   * just decided. The model then has results it has not seen.
   */
  private static boolean interrupted(TaskSteps.Session session, List<ChatMessage> messages) {
    ChatMessage last = messages.get(messages.size() - 1);
    return session.task().status() != TaskStatus.BLOCKED
        && (last instanceof ToolExecutionResultMessage || last instanceof UserMessage);
  }

  /** Whether the session goes on after a step. */
  private enum Outcome {
    GO_ON,
    STOP
  }

  /**
   * Answers the tool calls of the log's last step that have no result yet: those held for approval
   * (now decided) or interrupted by a node that died.
   */
  private Outcome answerPending(
      TaskSteps.Session session,
      Map<String, AvailableTool> offered,
      List<String> held,
      List<ChatMessage> messages) {
    return callTools(session, offered, held, WorkLog.unanswered(session.log()), messages);
  }

  private Outcome callTools(
      TaskSteps.Session session,
      Map<String, AvailableTool> offered,
      List<String> held,
      List<ToolExecutionRequest> calls,
      List<? super ToolExecutionResultMessage> messages) {
    Outcome outcome = Outcome.GO_ON;
    for (ToolExecutionRequest call : calls) {
      Map<String, Object> arguments = AgentToolbox.arguments(call.arguments());
      String name = call.name();
      if (TaskTools.COMPLETE.equals(name)) {
        ToolExecutionResultMessage done = ToolExecutionResultMessage.from(call, "Task completed.");
        steps.complete(session, text(arguments, "result"), List.of(done));
        return Outcome.STOP;
      }
      if (TaskTools.ESCALATE.equals(name)) {
        steps.escalate(
            session,
            text(arguments, "reason"),
            ToolExecutionResultMessage.from(call, "Escalated."));
        return Outcome.STOP;
      }
      ToolExecutionResultMessage result;
      if (TaskTools.COMMENT.equals(name)) {
        result = steps.comment(session, text(arguments, "text"), call);
      } else if (TaskTools.DELEGATE.equals(name)) {
        result =
            steps.delegate(
                session,
                text(arguments, "title"),
                text(arguments, "description"),
                text(arguments, "assignee"),
                call);
      } else {
        Optional<ToolExecutionResultMessage> ran =
            platformTools
                .invoke(agentWork(session), call)
                .map(done -> ToolExecutionResultMessage.from(call, kept(session, done)))
                .or(() -> approvedTool(session, offered, held, call));
        if (ran.isEmpty()) {
          outcome = Outcome.STOP;
          continue;
        }
        result = ran.get();
        steps.append(session.tenantId(), session.task().id(), List.of(result), false);
      }
      messages.add(result);
    }
    return outcome;
  }

  /**
   * A plugin or MCP tool of the agent's, by the id approvals name it with, whether its calls wait
   * for a person's approval, and how a call runs with its arguments as JSON.
   */
  private record GatedTool(String id, boolean waits, Function<String, String> run) {}

  /**
   * The result of a call of a plugin or MCP tool, or none while the call waits for a person's
   * approval.
   */
  private Optional<ToolExecutionResultMessage> approvedTool(
      TaskSteps.Session session,
      Map<String, AvailableTool> offered,
      List<String> held,
      ToolExecutionRequest call) {
    Optional<GatedTool> found = gatedTool(session, offered, held, call.name());
    if (found.isEmpty()) {
      return Optional.of(
          ToolExecutionResultMessage.from(call, "There is no tool named " + call.name() + "."));
    }
    GatedTool tool = found.get();
    String arguments =
        call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
    if (tool.waits()) {
      // a decision holds for the one call it was asked for: this id, tool and arguments, once
      Optional<ApprovalView> approval = steps.approvalOf(session, tool.id(), call.id(), arguments);
      if (approval.isEmpty()
          || "PENDING".equals(approval.get().status())
          || !steps.use(session, approval.get(), call.id())) {
        steps.hold(session, tool.id(), call.id(), arguments);
        return Optional.empty();
      }
      if ("REJECTED".equals(approval.get().status())) {
        String note = approval.get().note();
        return Optional.of(
            ToolExecutionResultMessage.from(
                call,
                "A person rejected this action"
                    + (note == null || note.isBlank() ? "." : ": " + note)));
      }
      arguments = approval.get().arguments();
    }
    return Optional.of(ToolExecutionResultMessage.from(call, tool.run().apply(arguments)));
  }

  /** The MCP or plugin tool of the agent's that a model calls by the name. */
  private Optional<GatedTool> gatedTool(
      TaskSteps.Session session,
      Map<String, AvailableTool> offered,
      List<String> held,
      String modelName) {
    AgentWork work = agentWork(session);
    return platformTools
        .mcpTool(work, modelName)
        .map(
            tool ->
                new GatedTool(
                    tool.id(),
                    tool.asksFirst(),
                    arguments -> kept(session, platformTools.invoke(work, tool, arguments))))
        .or(
            () ->
                Optional.ofNullable(offered.get(modelName))
                    .map(
                        tool ->
                            new GatedTool(
                                tool.id(),
                                ToolApprovals.waits(tool, held),
                                arguments -> pluginTool(session, tool, arguments))));
  }

  /** What a plugin tool answers, its files kept for the task's organization. */
  private String pluginTool(TaskSteps.Session session, AvailableTool tool, String arguments) {
    return kept(
        session,
        tools.invoke(
            session.caller(),
            tool.id(),
            AgentToolbox.arguments(arguments),
            session.task().organizationId(),
            fileReads.forCall(session.caller(), session.task().organizationId())));
  }

  /** What a tool answered, the files it returned kept for the task's organization. */
  private String kept(TaskSteps.Session session, ToolService.ToolInvocation invocation) {
    return toolFiles
        .kept(
            session.tenantId(),
            session.task().organizationId(),
            invocation,
            new FileRecords.Provenance(session.agent().id(), null, session.task().id()))
        .content();
  }

  private List<ToolSpecification> specifications(
      TaskSteps.Session session, Map<String, AvailableTool> offered) {
    List<ToolSpecification> all =
        new ArrayList<>(TaskTools.specifications(!session.reports().isEmpty()));
    all.addAll(platformTools.specifications(agentWork(session)));
    all.addAll(AgentToolbox.specifications(offered));
    return all;
  }

  private static AgentWork agentWork(TaskSteps.Session session) {
    return AgentWork.onTask(session.caller(), session.agent(), session.task().id());
  }

  private static String system(TaskSteps.Session session) {
    AgentView agent = session.agent();
    StringBuilder system = new StringBuilder(agent.introduction()).append(RULES);
    if (!session.reports().isEmpty()) {
      system.append("\nYour reports:");
      session
          .reports()
          .forEach(r -> system.append("\n- ").append(r.name()).append(", ").append(r.role()));
    }
    return system.toString();
  }

  private static String text(Map<String, Object> arguments, String name) {
    Object value = arguments.get(name);
    return value == null ? "" : value.toString();
  }
}
