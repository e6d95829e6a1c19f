package io.protohive.kernel.llm;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * What a person's model call through the API is metered and budgeted under: always one of their own
 * organizations, and an agent of it when one is named, so nobody charges another organization's
 * budgets or slips past their own.
 */
@ApplicationScoped
public class PersonCallScopes {

  @Inject AgentService agents;
  @Inject OrganizationService organizations;

  /**
   * @param organizationId the organization named, or {@code null} when the agent's is meant
   * @param agentId the agent named, or {@code null}
   */
  public CallScope of(Caller caller, UUID organizationId, UUID agentId) {
    if (caller.tenantId() == null) {
      throw Rejection.of(Rejection.Kind.FORBIDDEN, "Model calls are made for a tenant.");
    }
    UUID organization = organizationId;
    if (agentId != null) {
      AgentView agent = agents.get(caller, agentId);
      if (organization != null && !organization.equals(agent.organizationId())) {
        throw Rejection.invalid("agentId", "The agent belongs to another organization.");
      }
      organization = agent.organizationId();
    } else if (organization == null) {
      throw Rejection.invalid(
          "organizationId", "Say which of your organizations the call is for: its budgets apply.");
    } else {
      organizations.get(caller, organization);
    }
    return new CallScope(caller.tenantId(), organization, agentId, null, null);
  }
}
