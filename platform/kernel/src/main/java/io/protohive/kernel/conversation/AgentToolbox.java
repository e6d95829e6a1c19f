package io.protohive.kernel.conversation;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.plugin.ToolApprovals;
import io.protohive.kernel.plugin.ToolService;
import io.protohive.kernel.plugin.ToolService.AvailableTool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plugin tools an agent may call, as models see them, in conversations and in tasks. */
@ApplicationScoped
public class AgentToolbox {

  @Inject ToolService tools;
  @Inject ToolApprovals approvals;

  /**
   * The agent's tools that its tenant has enabled, by the name models see (dots are not allowed).
   * Task work asks a person before it runs a tool that waits for approval; a conversation asks no
   * one, so there such tools are not offered.
   *
   * @param withApproval whether the caller holds the calls that wait for approval
   */
  public Map<String, AvailableTool> offered(Caller caller, AgentView agent, boolean withApproval) {
    List<String> held = withApproval ? List.of() : approvals.held(caller);
    Map<String, AvailableTool> offered = new LinkedHashMap<>();
    for (AvailableTool tool : tools.available(caller)) {
      if (agent.tools().contains(tool.id()) && (withApproval || !ToolApprovals.waits(tool, held))) {
        offered.put(tool.id().replace('.', '_'), tool);
      }
    }
    return offered;
  }

  public static List<ToolSpecification> specifications(Map<String, AvailableTool> offered) {
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

  /** A model's tool arguments as Java values; malformed JSON gives no arguments. */
  public static Map<String, Object> arguments(String json) {
    return RunTrace.arguments(json);
  }
}
