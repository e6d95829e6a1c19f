package io.protohive.rest.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.protohive.kernel.conversation.AgentAnswers;
import io.protohive.kernel.conversation.ConversationEvent;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.AccessTokenVerifier;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.knowledge.KnowledgeService;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.task.TaskDetails;
import io.protohive.kernel.task.TaskDraft;
import io.protohive.kernel.task.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MCP server's tools, each a thin call of a kernel use case as the calling person: the kernel
 * decides what they may see and do, and anything outside their tenant does not exist for them. A
 * refused call is a tool error with the kernel's message; an unexpected failure says nothing of the
 * platform's insides.
 */
@ApplicationScoped
public class McpTools {

  private static final Logger LOG = Logger.getLogger(McpTools.class.getName());

  /** How long {@code ask_agent} waits for the answer before it says the agent is still at work. */
  static final Duration ANSWER_WAIT = Duration.ofMinutes(2);

  static final String FAILED = "The tool failed; try again later.";

  @Inject OrganizationService organizations;
  @Inject AgentService agents;
  @Inject AgentAnswers answers;
  @Inject TaskService tasks;
  @Inject KnowledgeService knowledge;

  List<SyncToolSpecification> specifications(McpJsonMapper json) {
    return List.of(
        tool(
            json,
            "list_agents",
            Scope.READ,
            "The agents of your organizations: id, name, role and organization. Give"
                + " organizationId to list one organization's only.",
            "{\"type\":\"object\",\"properties\":{\"organizationId\":{\"type\":\"string\","
                + "\"format\":\"uuid\"}}}",
            this::listAgents),
        tool(
            json,
            "ask_agent",
            Scope.CHAT,
            "Asks one of your agents and returns its answer. The agent works as it does in a"
                + " chat: its persona, memory, knowledge and tools. Pass the conversationId of an"
                + " earlier answer to go on in that conversation.",
            "{\"type\":\"object\",\"properties\":{\"agentId\":{\"type\":\"string\",\"format\":"
                + "\"uuid\"},\"message\":{\"type\":\"string\"},\"conversationId\":{\"type\":"
                + "\"string\",\"format\":\"uuid\"}},\"required\":[\"agentId\",\"message\"]}",
            this::askAgent),
        tool(
            json,
            "create_task",
            Scope.TASKS,
            "Puts a task on an organization's board, assigned to an agent if you name one;"
                + " an assigned agent starts working on it in the background.",
            "{\"type\":\"object\",\"properties\":{\"organizationId\":{\"type\":\"string\","
                + "\"format\":\"uuid\"},\"title\":{\"type\":\"string\"},\"description\":"
                + "{\"type\":\"string\"},\"assigneeAgentId\":{\"type\":\"string\",\"format\":"
                + "\"uuid\"}},\"required\":[\"organizationId\",\"title\"]}",
            this::createTask),
        tool(
            json,
            "get_task",
            Scope.READ,
            "A task with its status, result, subtasks and comments.",
            "{\"type\":\"object\",\"properties\":{\"taskId\":{\"type\":\"string\",\"format\":"
                + "\"uuid\"}},\"required\":[\"taskId\"]}",
            this::getTask),
        tool(
            json,
            "search_knowledge",
            Scope.READ,
            "Searches the documents of an organization that you may read, by meaning and by"
                + " words; each passage names its file and page.",
            "{\"type\":\"object\",\"properties\":{\"organizationId\":{\"type\":\"string\","
                + "\"format\":\"uuid\"},\"query\":{\"type\":\"string\"},\"limit\":{\"type\":"
                + "\"integer\",\"minimum\":1,\"maximum\":50}},\"required\":[\"organizationId\","
                + "\"query\"]}",
            this::searchKnowledge));
  }

  private Object listAgents(Caller caller, Arguments arguments) {
    UUID only = arguments.id("organizationId", false);
    List<OrganizationView> chosen =
        only != null
            ? List.of(organizations.get(caller, only))
            : Page.every(cursor -> organizations.list(caller, Page.MAX_LIMIT, cursor));
    List<Map<String, Object>> items = new ArrayList<>();
    for (OrganizationView organization : chosen) {
      for (AgentView agent : agents.list(caller, organization.id())) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", agent.id());
        item.put("name", agent.name());
        item.put("role", agent.role());
        item.put("organizationId", organization.id());
        item.put("organizationName", organization.name());
        items.add(item);
      }
    }
    return Map.of("items", items);
  }

  private Object askAgent(Caller caller, Arguments arguments) throws InterruptedException {
    AgentView agent = agents.get(caller, arguments.id("agentId", true));
    try (AgentAnswers.Asked asked =
        answers.ask(
            caller,
            agent,
            arguments.id("conversationId", false),
            arguments.text("message", true))) {
      Optional<ConversationEvent> end = asked.end(ANSWER_WAIT);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("conversationId", asked.conversationId());
      answer.put("runId", asked.runId());
      answer.put("agentId", agent.id());
      answer.put("agentName", agent.name());
      if (end.isEmpty()) {
        answer.put("status", "RUNNING");
        return answer;
      }
      boolean completed = "message.completed".equals(end.get().type());
      JsonObject payload = Json.createReader(new StringReader(end.get().payload())).readObject();
      answer.put("status", completed ? "COMPLETED" : "FAILED");
      answer.put("text", payload.getString(completed ? "content" : "error", ""));
      return answer;
    }
  }

  private Object createTask(Caller caller, Arguments arguments) {
    return tasks.create(
        caller,
        arguments.id("organizationId", true),
        new TaskDraft(
            arguments.text("title", true),
            arguments.text("description", false),
            null,
            null,
            arguments.id("assigneeAgentId", false),
            null,
            null,
            null));
  }

  private Object getTask(Caller caller, Arguments arguments) {
    return task(tasks.get(caller, arguments.id("taskId", true)));
  }

  /** A task as MCP clients read it: without its agent's raw work log. */
  static Map<String, Object> task(TaskDetails details) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("task", details.task());
    task.put("subtasks", details.subtasks());
    task.put("comments", details.comments());
    return task;
  }

  private Object searchKnowledge(Caller caller, Arguments arguments) {
    return Map.of(
        "items",
        knowledge.search(
            caller,
            arguments.id("organizationId", true),
            arguments.text("query", true),
            arguments.number("limit")));
  }

  /** A tool's work for the caller, on its arguments; answers what goes back to the client. */
  @FunctionalInterface
  private interface Work {
    Object run(Caller caller, Arguments arguments) throws Exception;
  }

  /** A tool that needs {@code scope} of an API token. */
  private static SyncToolSpecification tool(
      McpJsonMapper json, String name, Scope scope, String description, String schema, Work work) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder()
            .name(name)
            .description(description)
            .inputSchema(json, schema)
            .build();
    BiFunction<McpTransportContext, McpSchema.CallToolRequest, McpSchema.CallToolResult> handler =
        (context, request) -> {
          try {
            AccessTokenVerifier.Verified verified = McpEndpoint.verified(context);
            verified.require(scope);
            Object answer = work.run(verified.caller(), new Arguments(request.arguments()));
            return McpSchema.CallToolResult.builder()
                .addTextContent(json.writeValueAsString(answer))
                .structuredContent(answer)
                .build();
          } catch (Rejection refused) {
            return error(refused.getMessage());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(FAILED);
          } catch (Exception e) {
            LOG.log(Level.WARNING, "The MCP tool " + name + " failed", e);
            return error(FAILED);
          }
        };
    return new SyncToolSpecification(tool, handler);
  }

  private static McpSchema.CallToolResult error(String message) {
    return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
  }

  /** A tool call's arguments, each checked for its type; a wrong one is a refusal naming it. */
  record Arguments(Map<String, Object> values) {

    Arguments {
      values = values == null ? Map.of() : values;
    }

    UUID id(String name, boolean required) {
      String given = text(name, required);
      if (given == null) {
        return null;
      }
      try {
        return UUID.fromString(given);
      } catch (IllegalArgumentException e) {
        throw Rejection.invalid(name, name + " must be an id (a UUID).");
      }
    }

    String text(String name, boolean required) {
      Object value = values.get(name);
      if (value == null) {
        if (required) {
          throw Rejection.invalid(name, name + " is required.");
        }
        return null;
      }
      if (!(value instanceof String text)) {
        throw Rejection.invalid(name, name + " must be a string.");
      }
      return text;
    }

    Integer number(String name) {
      Object value = values.get(name);
      if (value == null) {
        return null;
      }
      if (!(value instanceof Number number) || number.doubleValue() != number.intValue()) {
        throw Rejection.invalid(name, name + " must be a whole number.");
      }
      return number.intValue();
    }
  }
}
