package io.protohive.kernel.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.protohive.kernel.database.DatabaseMigrations;
import io.protohive.kernel.database.Databases;
import io.protohive.kernel.encryption.FieldKey;
import io.protohive.kernel.llm.LocalEmbeddingModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory search on an operator's PostgreSQL with pgvector: the HNSW index finds the same nearest
 * memories as the exact search in process, and only the asked agent's.
 */
class MemorySearchIT {

  /** The memories here were written before sealing: the key opens nothing of theirs. */
  private static final FieldKey KEY = FieldKey.generate();

  private static final List<String> SUBJECTS =
      List.of(
          "Our biggest customer",
          "The marketing team",
          "The database cluster",
          "Our office in Lisbon",
          "The quarterly budget",
          "The mobile app release",
          "The new hire in support",
          "Our cloud bill",
          "The security audit",
          "The company offsite");

  private static final List<String> FACTS =
      List.of(
          "renews its contract in March.",
          "prefers to be contacted by email.",
          "was delayed by two weeks.",
          "needs approval from the finance director.",
          "doubled compared to last year.",
          "is planned for the first week of June.");

  private final DataSource owner = Databases.externalOwner();

  @TempDir Path nativeCache;

  private LocalEmbeddingModel model;
  private UUID organization;
  private UUID agent;

  @BeforeEach
  void migrated() throws Exception {
    Databases.execute(owner, "drop schema if exists public cascade; create schema public");
    DatabaseMigrations.migrate(owner, "external", "protohive_it_app");
    model = new LocalEmbeddingModel(nativeCache);
    UUID tenant = UUID.randomUUID();
    organization = UUID.randomUUID();
    agent = UUID.randomUUID();
    Databases.execute(
        owner,
        "insert into tenant (id, slug, name, created_at, updated_at) values ('"
            + tenant
            + "', 'memory', 'Memory', now(), now());"
            + organizationAndAgent(tenant, organization, agent));
  }

  @Test
  void hnswFindsTheSameNearestMemoriesAsTheExactSearch() throws Exception {
    List<String> sentences = new ArrayList<>();
    for (String subject : SUBJECTS) {
      for (String fact : FACTS) {
        sentences.add(subject + " " + fact);
      }
    }
    try (Connection connection = owner.getConnection()) {
      remember(connection, agent, sentences);
      UUID strangerOrganization = UUID.randomUUID();
      UUID stranger = UUID.randomUUID();
      try (var statement = connection.createStatement()) {
        statement.execute(
            organizationAndAgent(tenantOf(connection), strangerOrganization, stranger));
      }
      remember(connection, stranger, sentences);

      MemorySearch offered = MemorySearch.offeredBy(connection);
      ExactMemorySearch kept = new ExactMemorySearch();
      assertThat(offered).isInstanceOf(PgvectorMemorySearch.class);
      // so few rows would be read sequentially; make the planner walk the HNSW graph, as it does
      // on an agent with a large memory
      connection.setAutoCommit(false);
      try (var statement = connection.createStatement()) {
        statement.execute("drop index memory_chunk_agent; set local enable_seqscan = off");
      }
      assertThat(plan(connection)).contains("memory_chunk_embedding");
      for (String query :
          List.of(
              "When does the customer renew?",
              "How much did we spend on cloud hosting?",
              "Who signs off the budget?",
              "When is the team trip?",
              "Was the app late?")) {
        float[] vector = model.embed(List.of(query)).get(0).vector();
        List<MemoryHit> exact =
            new ExactMemorySearch().nearest(connection, KEY, organization, agent, vector, 5);
        // the second search of one instance ranks the vectors it kept from the first
        assertThat(kept.nearest(connection, KEY, organization, agent, vector, 5))
            .isEqualTo(kept.nearest(connection, KEY, organization, agent, vector, 5))
            .isEqualTo(exact);
        List<MemoryHit> approximate =
            offered.nearest(connection, KEY, organization, agent, vector, 5);

        assertThat(ids(approximate)).as(query).containsExactlyInAnyOrderElementsOf(ids(exact));
        assertThat(approximate.get(0).content()).as(query).isEqualTo(exact.get(0).content());
        assertThat(approximate.get(0).score()).isCloseTo(exact.get(0).score(), within(1e-4));
      }
    }
  }

  private String plan(Connection connection) throws SQLException {
    try (var explain = connection.prepareStatement("explain " + PgvectorMemorySearch.NEAREST)) {
      explain.setArray(1, VectorArrays.toSql(connection, new float[384]));
      explain.setObject(2, organization);
      explain.setObject(3, agent);
      explain.setInt(4, 5);
      StringBuilder plan = new StringBuilder();
      try (var result = explain.executeQuery()) {
        while (result.next()) {
          plan.append(result.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  private void remember(Connection connection, UUID agentId, List<String> sentences)
      throws SQLException {
    UUID tenant = tenantOf(connection);
    UUID organizationId = organizationOf(connection, agentId);
    try (var insert =
        connection.prepareStatement(
            "insert into memory_chunk (id, tenant_id, organization_id, agent_id, content,"
                + " embedding, created_at) values (gen_random_uuid(), ?, ?, ?, ?, ?, now())")) {
      var vectors = model.embed(sentences);
      for (int i = 0; i < sentences.size(); i++) {
        insert.setObject(1, tenant);
        insert.setObject(2, organizationId);
        insert.setObject(3, agentId);
        insert.setString(4, sentences.get(i));
        insert.setArray(5, VectorArrays.toSql(connection, vectors.get(i).vector()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String organizationAndAgent(UUID tenant, UUID organizationId, UUID agentId) {
    return "insert into organization (id, tenant_id, name, created_at, updated_at) values ('"
        + organizationId
        + "', '"
        + tenant
        + "', 'Org', now(), now());"
        + "insert into agent (id, tenant_id, organization_id, name, role, persona, max_steps,"
        + " tools, color, created_at, updated_at) values ('"
        + agentId
        + "', '"
        + tenant
        + "', '"
        + organizationId
        + "', 'Ada', 'Lead', '', 4, '[]', '#336699', now(), now())";
  }

  private static UUID tenantOf(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var result = statement.executeQuery("select id from tenant")) {
      result.next();
      return result.getObject(1, UUID.class);
    }
  }

  private static UUID organizationOf(Connection connection, UUID agentId) throws SQLException {
    try (var statement =
        connection.prepareStatement("select organization_id from agent where id = ?")) {
      statement.setObject(1, agentId);
      try (var result = statement.executeQuery()) {
        result.next();
        return result.getObject(1, UUID.class);
      }
    }
  }

  private static List<UUID> ids(List<MemoryHit> hits) {
    return hits.stream().map(MemoryHit::id).toList();
  }
}
