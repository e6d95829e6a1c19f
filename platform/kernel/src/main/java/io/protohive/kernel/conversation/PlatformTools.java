package io.protohive.kernel.conversation;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.protohive.kernel.mcp.McpServers;
import io.protohive.kernel.mcp.McpTool;
import io.protohive.kernel.observability.PlatformMetrics;
import io.protohive.kernel.observability.PlatformTraces;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.ToolService.ToolInvocation;
import io.protohive.plugin.api.ToolResult;
import io.protohive.pluginhost.ToolOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The platform's own tools ({@link PlatformTool}) offered where an agent works, by name, and the
 * tools of the MCP servers its tenant registered that the agent has, as {@code
 * mcp_<server>_<tool>}. Task work runs the MCP tools that ask first only once a person approved the
 * call.
 */
@ApplicationScoped
public class PlatformTools {

  @Inject @Any Instance<PlatformTool> tools;
  @Inject McpServers mcp;
  @Inject PlatformMetrics metrics;
  @Inject PlatformTraces traces;

  /** The tools offered in the work's conversation or task. */
  public List<ToolSpecification> specifications(AgentWork work) {
    List<ToolSpecification> specifications =
        new ArrayList<>(offered(work).map(PlatformTool::specification).toList());
    for (McpTool tool : mcpTools(work)) {
      specifications.add(
          ToolSpecification.builder()
              .name(tool.modelName())
              .description(tool.description())
              .parameters(parameters(tool.inputSchema()))
              .build());
    }
    return specifications;
  }

  /**
   * The call's invocation, or none when no tool offered there that runs without a person's approval
   * has its name.
   */
  public Optional<ToolInvocation> invoke(AgentWork work, ToolExecutionRequest call) {
    Optional<ToolInvocation> platform =
        offered(work)
            .filter(tool -> tool.specification().name().equals(call.name()))
            .findFirst()
            .map(tool -> run(tool, work, call));
    if (platform.isPresent() || !call.name().startsWith("mcp_")) {
      return platform;
    }
    return mcpTool(work, call.name())
        .filter(tool -> !tool.asksFirst())
        .map(tool -> invoke(work, tool, call.arguments()));
  }

  /** The MCP tool offered where the agent works under the name a model calls it by. */
  public Optional<McpTool> mcpTool(AgentWork work, String modelName) {
    return mcpTools(work).stream().filter(tool -> tool.modelName().equals(modelName)).findFirst();
  }

  /** Calls an MCP tool with the arguments, as JSON, for the person the agent works for. */
  public ToolInvocation invoke(AgentWork work, McpTool tool, String arguments) {
    return run(
        "mcp",
        tool.id(),
        () -> mcp.call(work.person(), tool, RunTrace.arguments(arguments)).toolResult());
  }

  /**
   * The MCP tools among the agent's tools that its tenant has not turned off; in a conversation,
   * where no one approves a call, not those that ask first.
   */
  private List<McpTool> mcpTools(AgentWork work) {
    return mcp.offered(work.person()).stream()
        .filter(tool -> work.agent().tools().contains(tool.id()))
        .filter(tool -> work.taskId() != null || !tool.asksFirst())
        .toList();
  }

  /** A server's schema as models read it; one the platform cannot read takes no arguments. */
  private static JsonObjectSchema parameters(String schema) {
    try {
      return ToolSchemas.parameters(schema);
    } catch (RuntimeException e) {
      return JsonObjectSchema.builder().build();
    }
  }

  private static Map<String, Object> arguments(ToolExecutionRequest call) {
    return RunTrace.arguments(call.arguments());
  }

  private Stream<PlatformTool> offered(AgentWork work) {
    return tools.stream().filter(tool -> work.taskId() == null || tool.inTasks());
  }

  private ToolInvocation run(PlatformTool tool, AgentWork work, ToolExecutionRequest call) {
    return run("platform", call.name(), () -> ToolResult.text(tool.call(work, arguments(call))));
  }

  /** Runs a tool of the platform's or of an MCP server's, counted in the metrics under source. */
  private ToolInvocation run(String source, String toolId, Supplier<ToolResult> body) {
    long started = System.nanoTime();
    ToolOutcome.Status status = ToolOutcome.Status.OK;
    String content;
    List<ToolResult.Attachment> files = List.of();
    try {
      ToolResult result = body.get();
      content = result.content();
      files = result.attachments();
    } catch (Rejection refused) {
      status = ToolOutcome.Status.TOOL_ERROR;
      content = "Refused: " + refused.getMessage();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    metrics.toolCall(source, status.name(), took);
    traces.toolCall(source, toolId, status.name(), took);
    return new ToolInvocation(
        toolId,
        null,
        status,
        status == ToolOutcome.Status.OK ? "TEXT" : "ERROR",
        content,
        took.toMillis(),
        files);
  }
}
