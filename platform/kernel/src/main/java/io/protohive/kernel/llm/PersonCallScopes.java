package io.protohive.kernel.llm;

import io.protohive.kernel.cluster.ClusterCaches;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.MembershipsChanged;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.platform.Rejection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a person's model call through the API is metered and budgeted under: always one of their own
 * organizations, and an agent of it when one is named, so nobody charges another organization's
 * budgets or slips past their own. That a person is a member of an organization is kept in {@link
 * ClusterCaches} once checked, per tenant, and forgotten on every node when a tenant's memberships
 * may have shrunk ({@link MembershipsChanged}); that someone is not is never kept.
 */
@ApplicationScoped
public class PersonCallScopes {

  @Inject AgentService agents;
  @Inject OrganizationService organizations;
  @Inject ClusterCaches caches;

  /** By tenant: "{user} {organization}" of the memberships checked. */
  private ClusterCaches.Cache<Map<String, Boolean>> members;

  @PostConstruct
  void caches() {
    members = caches.cache(ClusterCaches.MEMBERSHIPS);
  }

  void forget(@Observes MembershipsChanged change) {
    members.invalidate(change.tenantId().toString());
  }

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
      requireMember(caller, organization);
    }
    return new CallScope(caller.tenantId(), organization, agentId, null, null);
  }

  /**
   * @throws Rejection when the caller is not a member of the organization
   */
  private void requireMember(Caller caller, UUID organizationId) {
    if (caller.userId() == null) {
      organizations.get(caller, organizationId);
      return;
    }
    // taken before the check: when memberships change meanwhile, this map is dropped with them
    Map<String, Boolean> known = members.get(caller.tenantId().toString(), ConcurrentHashMap::new);
    String key = caller.userId() + " " + organizationId;
    if (!known.containsKey(key)) {
      organizations.get(caller, organizationId);
      known.put(key, Boolean.TRUE);
    }
  }
}
