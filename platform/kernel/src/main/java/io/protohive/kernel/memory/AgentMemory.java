package io.protohive.kernel.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.llm.Embeddings;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.DatabaseScope;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * An agent's long-term memory: messages of its conversations, embedded with the in-process model
 * and kept per agent and organization, so that no other agent, organization or tenant sees them.
 * Recall is an exact cosine search in process over the agent's memories.
 */
@ApplicationScoped
public class AgentMemory {

  static final int MAX_CHARACTERS = 2_000;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Embeddings embeddings;
  @Inject DatabaseScope scope;
  @Inject AgentService agents;

  /** Keeps a message in the agent's memory. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void remember(CallScope call, UUID messageId, String content) {
    String chunk =
        content.length() > MAX_CHARACTERS ? content.substring(0, MAX_CHARACTERS) : content;
    float[] vector = embeddings.embed(call, List.of(chunk)).get(0).vector();
    scope.tenant(call.tenantId());
    entityManager
        .createNativeQuery(
            "insert into memory_chunk (id, tenant_id, organization_id, agent_id,"
                + " source_message_id, content, embedding, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as real[]), ?8)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, call.tenantId())
        .setParameter(3, call.organizationId())
        .setParameter(4, call.agentId())
        .setParameter(5, messageId)
        .setParameter(6, chunk)
        .setParameter(7, literal(vector))
        .setParameter(8, Timestamp.from(Instant.now()))
        .executeUpdate();
  }

  /** The agent's memories closest to the query, best first. */
  @Transactional
  public List<MemoryHit> recall(CallScope call, String query, int limit) {
    Embedding wanted = embeddings.embed(call, List.of(query)).get(0);
    scope.tenant(call.tenantId());
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, content, embedding, created_at from memory_chunk"
                    + " where agent_id = ?1 and organization_id = ?2")
            .setParameter(1, call.agentId())
            .setParameter(2, call.organizationId())
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new MemoryHit(
                    (UUID) r[0],
                    (String) r[1],
                    CosineSimilarity.between(wanted, Embedding.from(floats(r[2]))),
                    ((Timestamp) r[3]).toInstant()))
        .sorted(Comparator.comparingDouble(MemoryHit::score).reversed())
        .limit(limit)
        .toList();
  }

  /** Searches an agent's memory for a member of its organization. */
  @Transactional
  public List<MemoryHit> search(Caller caller, UUID agentId, String query) {
    AgentView agent = agents.get(caller, agentId);
    if (query == null || query.isBlank() || query.length() > 500) {
      throw Rejection.invalid("q", "Search with 1 to 500 characters.");
    }
    return recall(
        new CallScope(caller.tenantId(), agent.organizationId(), agent.id(), null, null),
        query,
        10);
  }

  private static String literal(float[] vector) {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < vector.length; i++) {
      text.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return text.append('}').toString();
  }

  private static float[] floats(Object column) {
    try {
      Object values = column instanceof Array array ? array.getArray() : column;
      if (values instanceof Float[] boxed) {
        float[] vector = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
          vector[i] = boxed[i];
        }
        return vector;
      }
      return (float[]) values;
    } catch (SQLException e) {
      throw new IllegalStateException("a memory's embedding cannot be read", e);
    }
  }
}
