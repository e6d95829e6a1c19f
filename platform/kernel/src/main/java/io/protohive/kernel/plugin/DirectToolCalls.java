package io.protohive.kernel.plugin;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.organization.Role;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.ToolService.AvailableTool;
import io.protohive.kernel.plugin.ToolService.ToolInvocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/**
 * A person calling a tool through the API. The call is made for an organization the person belongs
 * to, under the policy agents work under: a tool that would make an agent wait for approval runs
 * only for those who may approve it (the organization's admins and owners), whose call is itself
 * the approval. Every call is audited.
 */
@ApplicationScoped
public class DirectToolCalls {

  @Inject ToolService tools;
  @Inject ToolApprovals approvals;
  @Inject Authorization authorization;
  @Inject AuditLog audit;

  public ToolInvocation invoke(
      Caller caller,
      String toolId,
      Map<String, Object> arguments,
      UUID organizationId,
      String sourceAddress) {
    AvailableTool tool =
        tools.available(caller).stream()
            .filter(t -> t.id().equals(toolId))
            .findFirst()
            .orElseThrow(
                () ->
                    Rejection.of(
                        Rejection.Kind.NOT_FOUND, "No tool with this id is available to you."));
    if (organizationId == null) {
      throw Rejection.invalid(
          "organizationId", "Name the organization the call is made for; you must belong to it.");
    }
    Role role = authorization.organization(caller, organizationId, Permission.VIEW);
    if (ToolApprovals.waits(tool, approvals.held(caller)) && !Permission.EDIT.grantedTo(role)) {
      throw Rejection.of(
          Rejection.Kind.FORBIDDEN,
          "A call of "
              + toolId
              + " waits for approval; only the organization's admins and owners may make it.");
    }
    ToolInvocation invocation = tools.invoke(caller, toolId, arguments, organizationId);
    audit.record(
        caller.tenantId(),
        caller.userId(),
        AuditLog.Action.TOOL_INVOKED,
        toolId + " for organization " + organizationId + ": " + invocation.status(),
        sourceAddress);
    return invocation;
  }
}
