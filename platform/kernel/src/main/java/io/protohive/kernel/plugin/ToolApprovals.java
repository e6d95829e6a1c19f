package io.protohive.kernel.plugin;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.plugin.ToolService.AvailableTool;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which tool calls wait for a person: those of tools their plugins declare consequential, always,
 * and those of tools a tenant's admins hold. In task work such a call waits for an approval; in a
 * conversation, where no approval is asked, the agent is not offered the tool at all.
 */
@ApplicationScoped
public class ToolApprovals {

  /** What a tool id looks like, such as clock.now. */
  public static final Pattern TOOL_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Authorization authorization;
  @Inject AuditLog audit;
  @Inject TenantsConfigItems items;

  /** The tools the tenant's admins hold, besides the consequential ones. */
  @Transactional
  @InTenant
  public List<String> held(Caller caller) {
    if (caller.tenantId() == null) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "Tools belong to tenants.");
    }
    return entityManager
        .createNativeQuery("select tool_id from tool_approval order by tool_id")
        .getResultList();
  }

  /** Whether a call of the tool waits for a person. */
  public static boolean waits(AvailableTool tool, List<String> held) {
    return tool.consequential() || held.contains(tool.id());
  }

  /** Replaces the held tools; tenant admins only, unless tenants-config manages them; audited. */
  @Transactional
  @InTenant
  public List<String> replace(Caller admin, List<String> toolIds, String address) {
    authorization.tenantAdmin(admin);
    items.requireUnmanaged(
        admin.tenantId(), TenantsConfigItems.APPROVAL_TOOLS, "The tools held for approval");
    write(admin.tenantId(), toolIds);
    audit.record(
        admin.tenantId(),
        admin.userId(),
        AuditLog.Action.APPROVAL_TOOLS_CHANGED,
        String.join(", ", toolIds),
        address);
    return held(admin);
  }

  /**
   * Makes the held tools those the tenant's tenants-config file declares. The caller brings the
   * transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @InTenant
  public void applyDeclared(@TenantId UUID tenantId, List<String> toolIds) {
    if (!held(tenantId).equals(toolIds.stream().distinct().sorted().toList())) {
      write(tenantId, toolIds);
    }
  }

  private void write(UUID tenantId, List<String> toolIds) {
    if (toolIds == null || toolIds.size() > 200) {
      throw Rejection.invalid("toolIds", "Name up to 200 tools.");
    }
    for (String toolId : toolIds) {
      if (toolId == null || !TOOL_ID.matcher(toolId).matches()) {
        throw Rejection.invalid("toolIds", "A tool id is like clock.now.");
      }
    }
    entityManager.createNativeQuery("delete from tool_approval").executeUpdate();
    for (String toolId : toolIds.stream().distinct().sorted().toList()) {
      entityManager
          .createNativeQuery("insert into tool_approval (tenant_id, tool_id) values (?1, ?2)")
          .setParameter(1, tenantId)
          .setParameter(2, toolId)
          .executeUpdate();
    }
  }

  /** For task work, which acts for a tenant without a person at hand. */
  @Transactional
  @InTenant
  public List<String> held(@TenantId UUID tenantId) {
    return held(new Caller(null, tenantId));
  }
}
