package io.protohive.ui.organization;

import java.util.List;

/**
 * Tools an agent may be given that come from one place: a plugin the tenant enabled, or the
 * tenant's MCP servers.
 *
 * @param key what tells the group apart in the page, such as the plugin's id
 * @param about what the source declares it does, such as the hosts a plugin calls
 */
record ToolGroup(String key, String title, String about, List<Option> tools) {

  /**
   * @param waits whether a call of the tool waits for a person's approval in task work
   */
  record Option(String id, String name, String description, boolean waits) {}
}
