package io.protohive.kernel.conversation;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentView;
import java.util.Map;

/**
 * A tool of the platform itself that every agent has in its conversations, besides the plugin tools
 * its tenant enabled. Other parts of the platform provide them as CDI beans.
 */
public interface ConversationTool {

  /** The tool as models see it; its name also names its calls in traces. */
  ToolSpecification specification();

  /**
   * Runs a call for the person whose message the agent answers, with that person's rights.
   *
   * @return what the model reads
   * @throws io.protohive.kernel.platform.Rejection when the platform refuses the call; the model
   *     reads why
   */
  String call(Caller person, AgentView agent, Map<String, Object> arguments);
}
