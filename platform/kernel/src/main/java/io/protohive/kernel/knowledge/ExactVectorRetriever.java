package io.protohive.kernel.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.protohive.kernel.memory.VectorArrays;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Exact nearest chunks: every chunk the scope may read is compared in process. */
final class ExactVectorRetriever implements VectorRetriever {

  static final String READABLE =
      ScopedChunks.WITH + "select c.id, c.embedding from file_chunk c" + ScopedChunks.JOIN;

  private record Scored(UUID id, double similarity) {}

  @Override
  public List<UUID> nearest(Connection connection, SearchScope scope, float[] query, int depth)
      throws SQLException {
    Embedding wanted = Embedding.from(query);
    List<Scored> scored = new ArrayList<>();
    try (var statement = connection.prepareStatement(READABLE)) {
      ScopedChunks.bind(statement, connection, scope);
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          scored.add(
              new Scored(
                  result.getObject(1, UUID.class),
                  CosineSimilarity.between(
                      wanted, Embedding.from(VectorArrays.fromSql(result.getArray(2))))));
        }
      }
    }
    return scored.stream()
        .sorted(Comparator.comparingDouble(Scored::similarity).reversed())
        .limit(depth)
        .map(Scored::id)
        .toList();
  }
}
