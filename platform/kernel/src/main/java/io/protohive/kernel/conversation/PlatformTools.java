package io.protohive.kernel.conversation;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.ToolService.ToolInvocation;
import io.protohive.pluginhost.ToolOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The platform's own tools ({@link PlatformTool}) offered where an agent works, by name. */
@ApplicationScoped
public class PlatformTools {

  @Inject @Any Instance<PlatformTool> tools;

  /** The tools offered in the work's conversation or task. */
  public List<ToolSpecification> specifications(AgentWork work) {
    return offered(work).map(PlatformTool::specification).toList();
  }

  /** The call's invocation, or none when no platform tool offered there has its name. */
  public Optional<ToolInvocation> invoke(AgentWork work, ToolExecutionRequest call) {
    return offered(work)
        .filter(tool -> tool.specification().name().equals(call.name()))
        .findFirst()
        .map(tool -> run(tool, work, call));
  }

  private Stream<PlatformTool> offered(AgentWork work) {
    return tools.stream().filter(tool -> work.taskId() == null || tool.inTasks());
  }

  private static ToolInvocation run(PlatformTool tool, AgentWork work, ToolExecutionRequest call) {
    long started = System.nanoTime();
    ToolOutcome.Status status = ToolOutcome.Status.OK;
    String content;
    try {
      content = tool.call(work, RunTrace.arguments(call.arguments()));
    } catch (Rejection refused) {
      status = ToolOutcome.Status.TOOL_ERROR;
      content = "Refused: " + refused.getMessage();
    }
    return new ToolInvocation(
        call.name(),
        null,
        status,
        status == ToolOutcome.Status.OK ? "TEXT" : "ERROR",
        content,
        (System.nanoTime() - started) / 1_000_000,
        List.of());
  }
}
