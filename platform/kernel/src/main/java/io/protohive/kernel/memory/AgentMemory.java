package io.protohive.kernel.memory;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import io.protohive.kernel.encryption.FieldKey;
import io.protohive.kernel.encryption.FieldKeys;
import io.protohive.kernel.encryption.SealedColumn;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.llm.Embeddings;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agent's long-term memory: messages of its conversations, chunked, embedded with the in-process
 * model and kept per agent and organization, so that no other agent, organization or tenant sees
 * them. Recall searches pgvector's HNSW index where the database offers pgvector, and exactly in
 * process where it does not.
 */
@ApplicationScoped
public class AgentMemory {

  /** A chunk fits the embedding model's 256 word pieces; neighbours overlap a little. */
  static final int CHUNK_CHARACTERS = 800;

  static final int CHUNK_OVERLAP = 80;

  static final int MAX_QUERY_CHARACTERS = 500;

  static final int SEARCH_LIMIT = 10;

  private static final DocumentSplitter SPLITTER =
      DocumentSplitters.recursive(CHUNK_CHARACTERS, CHUNK_OVERLAP);

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Embeddings embeddings;
  @Inject AgentService agents;
  @Inject FieldKeys fieldKeys;

  private volatile MemorySearch search;

  /** Keeps a message in the agent's memory, in chunks. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @InTenant
  public void remember(CallScope call, UUID messageId, String content) {
    List<String> chunks =
        SPLITTER.split(Document.from(content)).stream().map(TextSegment::text).toList();
    if (chunks.isEmpty()) {
      return;
    }
    List<Embedding> vectors = embeddings.embed(call, chunks);
    Connection connection = entityManager.unwrap(Connection.class);
    try (var insert =
        connection.prepareStatement(
            "insert into memory_chunk (id, tenant_id, organization_id, agent_id,"
                + " source_message_id, content, embedding, created_at, content_key)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Timestamp now = Timestamp.from(Instant.now());
      FieldKey key = fieldKeys.of(call.tenantId());
      for (int i = 0; i < chunks.size(); i++) {
        UUID id = UUID.randomUUID();
        insert.setObject(1, id);
        insert.setObject(2, call.tenantId());
        insert.setObject(3, call.organizationId());
        insert.setObject(4, call.agentId());
        insert.setObject(5, messageId);
        insert.setString(6, key.seal(chunks.get(i), SealedColumn.MEMORY_CONTENT.context(id)));
        insert.setArray(7, VectorArrays.toSql(connection, vectors.get(i).vector()));
        insert.setTimestamp(8, now);
        insert.setLong(9, key.primaryId());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("a memory cannot be kept", e);
    }
  }

  /** The agent's memories closest to the query, best first. */
  @Transactional
  @InTenant
  public List<MemoryHit> recall(CallScope call, String query, int limit) {
    float[] wanted = embeddings.embed(call, List.of(query)).get(0).vector();
    try {
      Connection connection = entityManager.unwrap(Connection.class);
      return search(connection)
          .nearest(
              connection,
              fieldKeys.of(call.tenantId()),
              call.organizationId(),
              call.agentId(),
              wanted,
              limit);
    } catch (SQLException e) {
      throw new IllegalStateException("the agent's memory cannot be searched", e);
    }
  }

  /** Searches an agent's memory for a member of its organization. */
  @Transactional
  @InTenant
  public List<MemoryHit> search(Caller caller, UUID agentId, String query) {
    AgentView agent = agents.get(caller, agentId);
    if (query == null || query.isBlank() || query.length() > MAX_QUERY_CHARACTERS) {
      throw Rejection.invalid("q", "Search with 1 to " + MAX_QUERY_CHARACTERS + " characters.");
    }
    return recall(
        new CallScope(caller.tenantId(), agent.organizationId(), agent.id(), null, null),
        query,
        SEARCH_LIMIT);
  }

  private MemorySearch search(Connection connection) throws SQLException {
    MemorySearch chosen = search;
    if (chosen == null) {
      chosen = MemorySearch.offeredBy(connection);
      search = chosen;
    }
    return chosen;
  }
}
