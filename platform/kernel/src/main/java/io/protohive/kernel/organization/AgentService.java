package io.protohive.kernel.organization;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The agents of an organization: members see them, admins and owners create, change and remove
 * them. Access goes through the organization's own check ({@link OrganizationService#access}).
 */
@ApplicationScoped
public class AgentService {

  static final int DEFAULT_MAX_STEPS = 8;
  private static final String NOT_FOUND = "No agent with this id in your organizations.";
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final List<String> PALETTE =
      List.of("#5b21b6", "#1d4ed8", "#0f766e", "#b45309", "#be185d", "#4338ca", "#047857");

  @Inject OrganizationService organizations;
  @Inject AgentStore store;

  /** Every agent of the organization, in the order they were created. */
  @Transactional
  @InTenant
  public List<AgentView> list(Caller caller, UUID organizationId) {
    organizations.access(caller, organizationId, Permission.VIEW);
    return store.inOrganization(organizationId);
  }

  /** A page of the organization's agents, in the order they were created. */
  @Transactional
  @InTenant
  public Page<AgentView> list(Caller caller, UUID organizationId, Integer limit, String cursor) {
    organizations.access(caller, organizationId, Permission.VIEW);
    PageRequest page = PageRequest.of(limit, cursor);
    return page.page(store.inOrganization(organizationId, page), AgentStore::position);
  }

  @Transactional
  @InTenant
  public AgentView get(Caller caller, UUID agentId) {
    AgentView agent = visible(caller, agentId);
    organizations.access(caller, agent.organizationId(), Permission.VIEW);
    return agent;
  }

  @Transactional
  @InTenant
  public AgentView create(Caller caller, UUID organizationId, AgentDraft draft) {
    organizations.access(caller, organizationId, Permission.EDIT);
    if (draft == null) {
      throw Rejection.invalid("name", "Name the agent and its role.");
    }
    int existing = store.inOrganization(organizationId).size();
    AgentView agent =
        validated(
            organizationId,
            null,
            new AgentView(
                null,
                organizationId,
                draft.name(),
                draft.role(),
                draft.persona() == null ? "" : draft.persona(),
                draft.managerId(),
                draft.providerId(),
                draft.model(),
                draft.temperature(),
                draft.maxSteps() == null ? DEFAULT_MAX_STEPS : draft.maxSteps(),
                draft.tools() == null ? List.of() : draft.tools(),
                draft.color() == null ? PALETTE.get(existing % PALETTE.size()) : draft.color(),
                null,
                null));
    return store.insert(caller.tenantId(), organizationId, agent);
  }

  @Transactional
  @InTenant
  public AgentView update(Caller caller, UUID agentId, AgentDraft change) {
    AgentView current = visible(caller, agentId);
    organizations.access(caller, current.organizationId(), Permission.EDIT);
    if (change == null) {
      throw Rejection.invalid("body", "Send the fields to change.");
    }
    boolean clear = Boolean.TRUE.equals(change.clearManager());
    boolean clearModel = Boolean.TRUE.equals(change.clearModel());
    boolean clearTemperature = Boolean.TRUE.equals(change.clearTemperature());
    AgentView changed =
        new AgentView(
            current.id(),
            current.organizationId(),
            or(change.name(), current.name()),
            or(change.role(), current.role()),
            or(change.persona(), current.persona()),
            clear ? null : or(change.managerId(), current.managerId()),
            clearModel ? null : or(change.providerId(), current.providerId()),
            clearModel ? null : or(change.model(), current.model()),
            clearTemperature ? null : or(change.temperature(), current.temperature()),
            or(change.maxSteps(), current.maxSteps()),
            or(change.tools(), current.tools()),
            or(change.color(), current.color()),
            current.createdAt(),
            current.updatedAt());
    return store.update(validated(current.organizationId(), current.id(), changed));
  }

  @Transactional
  @InTenant
  public void delete(Caller caller, UUID agentId) {
    AgentView agent = visible(caller, agentId);
    organizations.access(caller, agent.organizationId(), Permission.EDIT);
    store.delete(agentId);
  }

  private AgentView visible(Caller caller, UUID agentId) {
    if (caller.tenantId() == null) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
    }
    AgentView agent =
        store.find(agentId).orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND));
    try {
      organizations.access(caller, agent.organizationId(), Permission.VIEW);
    } catch (Rejection e) {
      // an agent of an organization the caller is not in does not exist for the caller
      throw Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
    }
    return agent;
  }

  private AgentView validated(UUID organizationId, UUID self, AgentView agent) {
    text("name", agent.name(), 80);
    text("role", agent.role(), 120);
    if (agent.persona().length() > 10_000) {
      throw Rejection.invalid("persona", "The persona is at most 10,000 characters.");
    }
    if ((agent.providerId() == null) != (agent.model() == null)) {
      throw Rejection.invalid("model", "Give both providerId and model, or neither.");
    }
    if (agent.temperature() != null && (agent.temperature() < 0 || agent.temperature() > 2)) {
      throw Rejection.invalid("temperature", "The temperature is between 0 and 2.");
    }
    if (agent.maxSteps() < 1 || agent.maxSteps() > 20) {
      throw Rejection.invalid("maxSteps", "An agent takes 1 to 20 steps per turn.");
    }
    if (agent.tools().size() > 32 || !agent.tools().stream().allMatch(AgentToolIds::valid)) {
      throw Rejection.invalid(
          "tools", "Give at most 32 tool ids, such as clock.now or mcp.github.search_issues.");
    }
    if (!COLOR.matcher(agent.color()).matches()) {
      throw Rejection.invalid("color", "The colour is #rrggbb.");
    }
    if (agent.managerId() != null) {
      requireManager(organizationId, self, agent.managerId());
    }
    return new AgentView(
        agent.id(),
        agent.organizationId(),
        agent.name().strip(),
        agent.role().strip(),
        agent.persona(),
        agent.managerId(),
        agent.providerId(),
        agent.model(),
        agent.temperature(),
        agent.maxSteps(),
        List.copyOf(new LinkedHashSet<>(agent.tools())),
        agent.color(),
        agent.createdAt(),
        agent.updatedAt());
  }

  /** The manager is an agent of the same organization, and the reporting line has no loop. */
  private void requireManager(UUID organizationId, UUID self, UUID managerId) {
    List<AgentView> agents = store.inOrganization(organizationId);
    Set<UUID> seen = new HashSet<>();
    UUID current = managerId;
    while (current != null) {
      UUID id = current;
      if (id.equals(self) || !seen.add(id)) {
        throw Rejection.invalid("managerId", "An agent cannot report to itself, even indirectly.");
      }
      AgentView manager =
          agents.stream()
              .filter(a -> a.id().equals(id))
              .findFirst()
              .orElseThrow(
                  () ->
                      Rejection.invalid(
                          "managerId", "The manager is not an agent of this organization."));
      current = manager.managerId();
    }
  }

  private static void text(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw Rejection.invalid(field, "The " + field + " has 1 to " + max + " characters.");
    }
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
