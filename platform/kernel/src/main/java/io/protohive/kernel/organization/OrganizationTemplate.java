package io.protohive.kernel.organization;

import java.util.List;

/**
 * An organization to start from, shipped as data: agents with personas, reporting lines and tools.
 *
 * @param agents in order; a manager comes before the agents reporting to it
 */
public record OrganizationTemplate(
    String id, String name, String description, List<TemplateAgent> agents) {

  /**
   * An agent of a template.
   *
   * @param key names the agent within the template, for {@code manager}
   * @param manager the key of the agent it reports to, or {@code null}
   */
  public record TemplateAgent(
      String key,
      String name,
      String role,
      String persona,
      String manager,
      List<String> tools,
      String color) {

    public TemplateAgent {
      tools = tools == null ? List.of() : List.copyOf(tools);
    }
  }
}
