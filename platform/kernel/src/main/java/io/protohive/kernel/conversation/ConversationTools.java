package io.protohive.kernel.conversation;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.ToolService.ToolInvocation;
import io.protohive.pluginhost.ToolOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The platform's own tools in conversations ({@link ConversationTool}), found by their name. */
@ApplicationScoped
public class ConversationTools {

  @Inject @Any Instance<ConversationTool> tools;

  List<ToolSpecification> specifications() {
    return tools.stream().map(ConversationTool::specification).toList();
  }

  /** The call's invocation, or none when no platform tool has its name. */
  Optional<ToolInvocation> invoke(Caller person, AgentView agent, ToolExecutionRequest call) {
    return tools.stream()
        .filter(tool -> tool.specification().name().equals(call.name()))
        .findFirst()
        .map(tool -> run(tool, person, agent, call));
  }

  private static ToolInvocation run(
      ConversationTool tool, Caller person, AgentView agent, ToolExecutionRequest call) {
    long started = System.nanoTime();
    ToolOutcome.Status status = ToolOutcome.Status.OK;
    String content;
    try {
      content = tool.call(person, agent, RunTrace.arguments(call.arguments()));
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
