package io.protohive.kernel.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.protohive.kernel.encryption.FieldKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Exact nearest memories: every memory of the agent is read and compared in process. */
final class ExactMemorySearch implements MemorySearch {

  @Override
  public List<MemoryHit> nearest(
      Connection connection,
      FieldKey key,
      UUID organizationId,
      UUID agentId,
      float[] query,
      int limit)
      throws SQLException {
    Embedding wanted = Embedding.from(query);
    List<MemoryHit> hits = new ArrayList<>();
    try (var statement =
        connection.prepareStatement(
            "select id, content, content_key, created_at, embedding from memory_chunk"
                + " where organization_id = ? and agent_id = ?")) {
      statement.setObject(1, organizationId);
      statement.setObject(2, agentId);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          hits.add(
              new MemoryHit(
                  result.getObject("id", UUID.class),
                  MemorySearch.content(key, result),
                  CosineSimilarity.between(
                      wanted, Embedding.from(VectorArrays.fromSql(result.getArray("embedding")))),
                  result.getTimestamp("created_at").toInstant()));
        }
      }
    }
    return hits.stream()
        .sorted(Comparator.comparingDouble(MemoryHit::score).reversed())
        .limit(limit)
        .toList();
  }
}
