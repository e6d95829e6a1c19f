package io.protohive.kernel.organization;

import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes agents in {@code agent}. No access checks: callers bring them, the transaction
 * and the tenant scope.
 */
@ApplicationScoped
public class AgentStore {

  private static final String COLUMNS =
      "id, organization_id, name, role, persona, manager_id, provider_id, model, temperature,"
          + " max_steps, tools, color, created_at, updated_at";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** The organization's agents in the order they were created, after the page's cursor. */
  List<AgentView> inOrganization(UUID organizationId, PageRequest page) {
    var query =
        entityManager
            .createNativeQuery(
                "select "
                    + COLUMNS
                    + " from agent where organization_id = ?1"
                    + page.keyset("created_at, id", PageRequest.Order.OLDEST_FIRST, 2)
                    + " order by created_at, id limit ?4")
            .setParameter(1, organizationId)
            .setParameter(4, page.fetch());
    List<Object[]> rows = page.bindKeyset(query, 2).getResultList();
    return rows.stream().map(AgentStore::view).toList();
  }

  /** Every agent of the organization, in the order they were created. */
  List<AgentView> inOrganization(UUID organizationId) {
    return Page.every(
        cursor -> {
          PageRequest page = PageRequest.of(Page.MAX_LIMIT, cursor);
          return page.page(inOrganization(organizationId, page), AgentStore::position);
        });
  }

  static Cursor position(AgentView agent) {
    return Cursor.of(agent.createdAt(), agent.id());
  }

  Optional<AgentView> find(UUID agentId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select " + COLUMNS + " from agent where id = ?1")
            .setParameter(1, agentId)
            .getResultList();
    return rows.stream().findFirst().map(AgentStore::view);
  }

  AgentView insert(UUID tenantId, UUID organizationId, AgentView agent) {
    UUID id = UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    entityManager
        .createNativeQuery(
            "insert into agent (id, tenant_id, organization_id, name, role, persona, manager_id,"
                + " provider_id, model, temperature, max_steps, tools, color, created_at,"
                + " updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                + " ?14, ?14)")
        .setParameter(1, id)
        .setParameter(2, tenantId)
        .setParameter(3, organizationId)
        .setParameter(4, agent.name())
        .setParameter(5, agent.role())
        .setParameter(6, agent.persona())
        .setParameter(7, agent.managerId())
        .setParameter(8, agent.providerId())
        .setParameter(9, agent.model())
        .setParameter(10, agent.temperature())
        .setParameter(11, agent.maxSteps())
        .setParameter(12, String.join(" ", agent.tools()))
        .setParameter(13, agent.color())
        .setParameter(14, Timestamp.from(now))
        .executeUpdate();
    return find(id).orElseThrow();
  }

  AgentView update(AgentView agent) {
    entityManager
        .createNativeQuery(
            "update agent set name = ?2, role = ?3, persona = ?4, manager_id = ?5,"
                + " provider_id = ?6, model = ?7, temperature = ?8, max_steps = ?9, tools = ?10,"
                + " color = ?11, updated_at = ?12 where id = ?1")
        .setParameter(1, agent.id())
        .setParameter(2, agent.name())
        .setParameter(3, agent.role())
        .setParameter(4, agent.persona())
        .setParameter(5, agent.managerId())
        .setParameter(6, agent.providerId())
        .setParameter(7, agent.model())
        .setParameter(8, agent.temperature())
        .setParameter(9, agent.maxSteps())
        .setParameter(10, String.join(" ", agent.tools()))
        .setParameter(11, agent.color())
        .setParameter(12, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
        .executeUpdate();
    return find(agent.id()).orElseThrow();
  }

  void delete(UUID agentId) {
    entityManager
        .createNativeQuery("delete from agent where id = ?1")
        .setParameter(1, agentId)
        .executeUpdate();
  }

  private static AgentView view(Object[] row) {
    String tools = (String) row[10];
    return new AgentView(
        (UUID) row[0],
        (UUID) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (UUID) row[5],
        (String) row[6],
        (String) row[7],
        row[8] == null ? null : ((Number) row[8]).doubleValue(),
        ((Number) row[9]).intValue(),
        tools.isBlank() ? List.of() : Arrays.asList(tools.split(" ")),
        (String) row[11],
        ((Timestamp) row[12]).toInstant(),
        ((Timestamp) row[13]).toInstant());
  }
}
