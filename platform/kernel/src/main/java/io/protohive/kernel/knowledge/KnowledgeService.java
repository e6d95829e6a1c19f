package io.protohive.kernel.knowledge;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.conversation.AgentWork;
import io.protohive.kernel.file.FileRecords;
import io.protohive.kernel.file.FileStatus;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.llm.Embeddings;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.organization.Role;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Searches an organization's files for a person, or for an agent answering a person: only files the
 * reader may read, and for an agent only those its person may read too, so that an agent never
 * hands someone a document they could not open themselves.
 */
@ApplicationScoped
public class KnowledgeService {

  static final int MAX_QUERY_CHARACTERS = 500;
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 50;

  /** What files_read returns whole; longer files are searched instead. */
  static final int MAX_READ_CHARACTERS = 20_000;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Authorization authorization;
  @Inject Embeddings embeddings;
  @Inject FileRecords records;

  private volatile KnowledgeSearch search;

  /** The passages of the organization's files that answer the query best, best first. */
  @Transactional
  @InTenant
  public List<KnowledgeHit> search(
      Caller caller, UUID organizationId, String query, Integer limit) {
    Role role = authorization.organization(caller, organizationId, Permission.VIEW);
    String wanted = query(query);
    int count = limit == null ? DEFAULT_LIMIT : limit;
    if (count < 1 || count > MAX_LIMIT) {
      throw Rejection.invalid("limit", "Ask for 1 to " + MAX_LIMIT + " passages.");
    }
    return search(
        caller.tenantId(),
        SearchScope.person(organizationId, caller.userId(), role.atLeast(Role.ADMIN)),
        wanted,
        count);
  }

  /**
   * The passages an agent finds for the person it works for: within its knowledge bases if any, and
   * in a conversation also in the files attached to it.
   */
  @Transactional
  @InTenant
  public List<KnowledgeHit> searchFor(AgentWork work, String query, int limit) {
    Caller person = work.person();
    AgentView agent = work.agent();
    Role role = authorization.organization(person, agent.organizationId(), Permission.VIEW);
    String wanted = query(query);
    SearchScope scope =
        SearchScope.agent(agent.organizationId(), agent.id(), knowledgeBases(agent.id()))
            .withAttachedIn(work.conversationId());
    // the agent may see more than its person: ask for more, keep what both may read
    List<KnowledgeHit> found = search(person.tenantId(), scope, wanted, limit * 3);
    Map<UUID, Boolean> readable = new HashMap<>();
    return found.stream()
        .filter(
            hit ->
                readable.computeIfAbsent(
                    hit.fileId(),
                    id -> records.readable(id, person.userId(), role.atLeast(Role.ADMIN))))
        .limit(limit)
        .toList();
  }

  /**
   * A small file's text whole, as extracted for search, for an agent working for a person; both
   * must be able to read it, the agent also by its having been attached to the conversation.
   */
  @Transactional
  @InTenant
  public FileText read(AgentWork work, UUID fileId) {
    Caller person = work.person();
    AgentView agent = work.agent();
    Role role = authorization.organization(person, agent.organizationId(), Permission.VIEW);
    FileView file =
        records
            .find(fileId)
            .filter(f -> f.organizationId().equals(agent.organizationId()))
            .filter(f -> f.deletedAt() == null)
            .filter(
                f ->
                    records.readable(f.id(), agent.id(), false)
                        || attachedIn(work.conversationId(), f.id()))
            .filter(f -> records.readable(f.id(), person.userId(), role.atLeast(Role.ADMIN)))
            .orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, "No file with this id."));
    if (file.status() != FileStatus.READY) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "The file is not readable yet: "
              + file.status().name().toLowerCase()
              + (file.statusReason() == null ? "" : " (" + file.statusReason() + ")"));
    }
    List<String> chunks =
        entityManager
            .createNativeQuery(
                "select content from file_chunk where file_id = ?1 and version = ?2"
                    + " order by ordinal")
            .setParameter(1, fileId)
            .setParameter(2, file.version())
            .getResultList();
    StringBuilder text = new StringBuilder();
    for (String chunk : chunks) {
      if (text.length() + chunk.length() > MAX_READ_CHARACTERS) {
        throw Rejection.of(
            Rejection.Kind.CONFLICT,
            "The file is too long to read whole; search it with knowledge_search instead.");
      }
      text.append(chunk).append("\n\n");
    }
    return new FileText(file, text.toString().strip());
  }

  /** A file and its text. */
  public record FileText(FileView file, String text) {}

  private List<KnowledgeHit> search(UUID tenantId, SearchScope scope, String query, int limit) {
    float[] vector =
        embeddings
            .embed(
                new CallScope(tenantId, scope.organizationId(), scope.agentId(), null, null),
                List.of(query))
            .get(0)
            .vector();
    try {
      Connection connection = entityManager.unwrap(Connection.class);
      return search(connection).search(connection, scope, query, vector, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("the organization's files cannot be searched", e);
    }
  }

  private Set<UUID> knowledgeBases(UUID agentId) {
    List<UUID> rows =
        entityManager
            .createNativeQuery(
                "select knowledge_base_id from agent_knowledge_base where agent_id = ?1")
            .setParameter(1, agentId)
            .getResultList();
    return new HashSet<>(rows);
  }

  private boolean attachedIn(UUID conversationId, UUID fileId) {
    return conversationId != null
        && !entityManager
            .createNativeQuery(
                "select 1 from message_file where conversation_id = ?1 and file_id = ?2 limit 1")
            .setParameter(1, conversationId)
            .setParameter(2, fileId)
            .getResultList()
            .isEmpty();
  }

  private static String query(String query) {
    if (query == null || query.isBlank() || query.length() > MAX_QUERY_CHARACTERS) {
      throw Rejection.invalid("q", "Search with 1 to " + MAX_QUERY_CHARACTERS + " characters.");
    }
    return query.strip();
  }

  private KnowledgeSearch search(Connection connection) throws SQLException {
    KnowledgeSearch chosen = search;
    if (chosen == null) {
      chosen = KnowledgeSearch.offeredBy(connection);
      search = chosen;
    }
    return chosen;
  }
}
