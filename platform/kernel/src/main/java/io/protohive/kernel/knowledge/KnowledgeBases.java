package io.protohive.kernel.knowledge;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An organization's knowledge bases, made by its admins, and the ones each agent searches: an agent
 * given knowledge bases searches only their files; one given none searches every file it may read.
 * What an agent finds is still only what it and its person may read.
 */
@ApplicationScoped
public class KnowledgeBases {

  static final int MAX_NAME = 100;
  static final int MAX_DESCRIPTION = 1_000;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Authorization authorization;
  @Inject AgentService agents;

  @Transactional
  @InTenant
  public KnowledgeBaseView create(Caller caller, UUID organizationId, KnowledgeBaseDraft draft) {
    authorization.organization(caller, organizationId, Permission.EDIT);
    if (draft == null || draft.name() == null || draft.name().isBlank()) {
      throw Rejection.invalid("name", "Give the knowledge base a name.");
    }
    String name = draft.name().strip();
    if (name.length() > MAX_NAME) {
      throw Rejection.invalid("name", "A name has at most " + MAX_NAME + " characters.");
    }
    String description = draft.description() == null ? "" : draft.description().strip();
    if (description.length() > MAX_DESCRIPTION) {
      throw Rejection.invalid(
          "description", "A description has at most " + MAX_DESCRIPTION + " characters.");
    }
    Set<UUID> files = ids(draft.fileIds());
    Set<UUID> folders = ids(draft.folderIds());
    requireAll("fileIds", "stored_file", organizationId, files, "No file with this id here.");
    requireAll("folderIds", "file_folder", organizationId, folders, "No folder with this id here.");
    if (!entityManager
        .createNativeQuery(
            "select 1 from knowledge_base where organization_id = ?1 and lower(name) = lower(?2)")
        .setParameter(1, organizationId)
        .setParameter(2, name)
        .getResultList()
        .isEmpty()) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT, "A knowledge base of this name is already there.");
    }
    UUID id = UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    entityManager
        .createNativeQuery(
            "insert into knowledge_base (id, tenant_id, organization_id, name, description,"
                + " created_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, id)
        .setParameter(2, caller.tenantId())
        .setParameter(3, organizationId)
        .setParameter(4, name)
        .setParameter(5, description)
        .setParameter(6, Timestamp.from(now))
        .executeUpdate();
    for (UUID file : files) {
      source(caller.tenantId(), id, file, null);
    }
    for (UUID folder : folders) {
      source(caller.tenantId(), id, null, folder);
    }
    return new KnowledgeBaseView(
        id, organizationId, name, description, List.copyOf(files), List.copyOf(folders), now);
  }

  @Transactional
  @InTenant
  public List<KnowledgeBaseView> list(Caller caller, UUID organizationId) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    return read("organization_id = ?1", organizationId);
  }

  @Transactional
  @InTenant
  public void delete(Caller caller, UUID knowledgeBaseId) {
    KnowledgeBaseView base = find(caller, knowledgeBaseId);
    authorization.organization(caller, base.organizationId(), Permission.EDIT);
    entityManager
        .createNativeQuery("delete from knowledge_base where id = ?1")
        .setParameter(1, knowledgeBaseId)
        .executeUpdate();
  }

  /** The knowledge bases the agent searches; none means every file it may read. */
  @Transactional
  @InTenant
  public List<KnowledgeBaseView> ofAgent(Caller caller, UUID agentId) {
    agents.get(caller, agentId);
    return read(
        "id in (select knowledge_base_id from agent_knowledge_base where agent_id = ?1)", agentId);
  }

  /** Gives the agent exactly these knowledge bases of its organization. */
  @Transactional
  @InTenant
  public List<KnowledgeBaseView> assign(Caller caller, UUID agentId, List<UUID> knowledgeBaseIds) {
    AgentView agent = agents.get(caller, agentId);
    authorization.organization(caller, agent.organizationId(), Permission.EDIT);
    Set<UUID> wanted = ids(knowledgeBaseIds);
    requireAll(
        "knowledgeBaseIds",
        "knowledge_base",
        agent.organizationId(),
        wanted,
        "No knowledge base with this id in the agent's organization.");
    entityManager
        .createNativeQuery("delete from agent_knowledge_base where agent_id = ?1")
        .setParameter(1, agentId)
        .executeUpdate();
    for (UUID base : wanted) {
      entityManager
          .createNativeQuery(
              "insert into agent_knowledge_base (agent_id, knowledge_base_id, tenant_id)"
                  + " values (?1, ?2, ?3)")
          .setParameter(1, agentId)
          .setParameter(2, base)
          .setParameter(3, caller.tenantId())
          .executeUpdate();
    }
    return ofAgent(caller, agentId);
  }

  private KnowledgeBaseView find(Caller caller, UUID id) {
    List<KnowledgeBaseView> found = read("id = ?1", id);
    if (found.isEmpty()) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No knowledge base with this id.");
    }
    try {
      authorization.organization(caller, found.get(0).organizationId(), Permission.VIEW);
    } catch (Rejection outside) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No knowledge base with this id.");
    }
    return found.get(0);
  }

  private List<KnowledgeBaseView> read(String condition, UUID parameter) {
    List<Object[]> bases =
        entityManager
            .createNativeQuery(
                "select id, organization_id, name, description, created_at from knowledge_base"
                    + " where "
                    + condition
                    + " order by lower(name), id")
            .setParameter(1, parameter)
            .getResultList();
    if (bases.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = bases.stream().map(r -> (UUID) r[0]).toList();
    List<Object[]> sources =
        entityManager
            .createNativeQuery(
                "select knowledge_base_id, file_id, folder_id from knowledge_base_source"
                    + " where knowledge_base_id = any(?1)")
            .setParameter(1, ids.toArray(UUID[]::new))
            .getResultList();
    Map<UUID, List<Object[]>> byBase =
        sources.stream().collect(Collectors.groupingBy(r -> (UUID) r[0]));
    List<KnowledgeBaseView> views = new ArrayList<>();
    for (Object[] r : bases) {
      List<Object[]> own = byBase.getOrDefault((UUID) r[0], List.of());
      views.add(
          new KnowledgeBaseView(
              (UUID) r[0],
              (UUID) r[1],
              (String) r[2],
              (String) r[3],
              own.stream().map(s -> (UUID) s[1]).filter(java.util.Objects::nonNull).toList(),
              own.stream().map(s -> (UUID) s[2]).filter(java.util.Objects::nonNull).toList(),
              ((Timestamp) r[4]).toInstant()));
    }
    return views;
  }

  private void source(UUID tenantId, UUID base, UUID file, UUID folder) {
    entityManager
        .createNativeQuery(
            "insert into knowledge_base_source (id, knowledge_base_id, tenant_id, file_id,"
                + " folder_id) values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, base)
        .setParameter(3, tenantId)
        .setParameter(4, file)
        .setParameter(5, folder)
        .executeUpdate();
  }

  private void requireAll(
      String field, String table, UUID organizationId, Set<UUID> ids, String message) {
    for (UUID id : ids) {
      if (entityManager
          .createNativeQuery("select 1 from " + table + " where id = ?1 and organization_id = ?2")
          .setParameter(1, id)
          .setParameter(2, organizationId)
          .getResultList()
          .isEmpty()) {
        throw Rejection.invalid(field, message);
      }
    }
  }

  private static Set<UUID> ids(List<UUID> given) {
    return given == null ? Set.of() : new LinkedHashSet<>(given);
  }
}
