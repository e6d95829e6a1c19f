package io.protohive.kernel.provisioning;

import io.protohive.kernel.llm.RouteStep;
import io.protohive.kernel.organization.OrganizationTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a tenants-config file manages besides the tenant itself. What it leaves out stays in the
 * hands of the tenant's admins.
 *
 * @param plugins by plugin id, in the file's order
 * @param route the model route, or empty when the file leaves the route to the admins
 * @param tenantBudget the tenant's own monthly budget, if the file declares one
 * @param approvalTools the tools held for approval, if the file declares them (possibly none)
 * @param organizationTemplates offered to the tenant's people besides the shipped ones
 */
public record DeclaredSettings(
    Map<String, DeclaredPlugin> plugins,
    List<RouteStep> route,
    Optional<DeclaredBudget> tenantBudget,
    Optional<List<String>> approvalTools,
    List<OrganizationTemplate> organizationTemplates) {

  public static final DeclaredSettings NONE =
      new DeclaredSettings(Map.of(), List.of(), Optional.empty(), Optional.empty(), List.of());
}
