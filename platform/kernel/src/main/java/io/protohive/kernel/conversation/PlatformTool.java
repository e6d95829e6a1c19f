package io.protohive.kernel.conversation;

import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.Map;

/**
 * A tool of the platform itself that every agent has in its conversations, and in its tasks when
 * {@link #inTasks()}, besides the plugin tools its tenant enabled. Other parts of the platform
 * provide them as CDI beans.
 */
public interface PlatformTool {

  /** The tool as models see it; its name also names its calls in traces. */
  ToolSpecification specification();

  /** Whether task work offers the tool too; task work has its own tools for tasks. */
  default boolean inTasks() {
    return false;
  }

  /**
   * Runs a call for the person the agent works for, with that person's rights.
   *
   * @return what the model reads
   * @throws io.protohive.kernel.platform.Rejection when the platform refuses the call; the model
   *     reads why
   */
  String call(AgentWork work, Map<String, Object> arguments);
}
