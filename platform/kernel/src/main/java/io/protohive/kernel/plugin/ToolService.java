package io.protohive.kernel.plugin;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.observability.PlatformMetrics;
import io.protohive.kernel.observability.PlatformTraces;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.HostFiles;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import io.protohive.pluginhost.PluginHost;
import io.protohive.pluginhost.PluginTool;
import io.protohive.pluginhost.ToolOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tools a tenant's agents and people may call, and the one way to call them: only tools of
 * plugins the tenant switched on, with the tenant's configuration, through the host's contained
 * executor. Holds no transaction while a tool runs.
 */
@ApplicationScoped
public class ToolService {

  @Inject PluginHost pluginHost;
  @Inject PlatformSettings settings;
  @Inject PluginCatalog catalog;
  @Inject OrganizationService organizations;
  @Inject PlatformMetrics metrics;
  @Inject PlatformTraces traces;

  /** A tool as a tenant sees it. */
  public record AvailableTool(
      String id,
      String name,
      String description,
      String parametersSchema,
      String pluginId,
      boolean consequential) {}

  /** How a call ended, with what the tool (or the host, on its behalf) answered. */
  public record ToolInvocation(
      String toolId,
      String pluginId,
      ToolOutcome.Status status,
      String kind,
      String content,
      long durationMillis,
      List<ToolResult.Attachment> attachments) {}

  public List<AvailableTool> available(Caller caller) {
    Set<String> enabled = catalog.enabledPlugins(caller.tenantId());
    return pluginHost.tools().stream()
        .filter(t -> enabled.contains(t.pluginId()))
        .map(
            t ->
                new AvailableTool(
                    t.tool().id(),
                    t.tool().name(),
                    t.tool().description(),
                    t.tool().parametersSchema(),
                    t.pluginId(),
                    t.consequential()))
        .sorted(Comparator.comparing(AvailableTool::id))
        .toList();
  }

  /**
   * Calls a tool for the caller, offering it no files.
   *
   * @param organizationId the organization the call is made for, which the caller must belong to,
   *     or {@code null}
   */
  public ToolInvocation invoke(
      Caller caller, String toolId, Map<String, Object> arguments, UUID organizationId) {
    return invoke(
        caller,
        toolId,
        arguments,
        organizationId,
        HostFiles.refusing("No files are offered to this call."));
  }

  /**
   * Calls a tool for the caller.
   *
   * @param organizationId the organization the call is made for, which the caller must belong to,
   *     or {@code null}
   * @param files the files the tool may read
   */
  public ToolInvocation invoke(
      Caller caller,
      String toolId,
      Map<String, Object> arguments,
      UUID organizationId,
      HostFiles files) {
    if (caller.tenantId() == null) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No tool with this id is available to you.");
    }
    if (organizationId != null) {
      organizations.get(caller, organizationId);
    }
    PluginTool tool =
        pluginHost
            .tool(toolId)
            .filter(t -> catalog.enabledPlugins(caller.tenantId()).contains(t.pluginId()))
            .orElseThrow(
                () ->
                    Rejection.of(
                        Rejection.Kind.NOT_FOUND, "No tool with this id is available to you."));
    Configuration configuration =
        catalog
            .configurationForCall(caller.tenantId(), tool.pluginId())
            .orElse(Configuration.empty());
    ToolOutcome outcome =
        pluginHost
            .calls()
            .call(
                tool,
                arguments == null ? Map.of() : arguments,
                ToolContext.builder(caller.tenantId())
                    .organizationId(organizationId)
                    .configuration(configuration)
                    .files(files),
                settings.pluginCallTimeout());
    metrics.toolCall(tool.pluginId(), outcome.status().name(), outcome.duration());
    traces.toolCall(tool.pluginId(), toolId, outcome.status().name(), outcome.duration());
    return new ToolInvocation(
        toolId,
        tool.pluginId(),
        outcome.status(),
        outcome.result().kind().name(),
        outcome.result().content(),
        outcome.duration().toMillis(),
        outcome.result().attachments());
  }
}
