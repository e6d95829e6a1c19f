package io.protohive.kernel.memory;

import io.protohive.kernel.database.DatabaseMigrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The benchmark's own database on the local PostgreSQL, migrated like the platform's, with one
 * tenant, two organizations and an agent in each. Memories are loaded as the owner; searches and
 * ingest run as the application's role, with row-level security, as the platform runs them.
 */
final class BenchDatabase {

  static final String APPLICATION_ROLE = "protohive_bench_app";

  /** The HNSW index of the V14 migration, rebuilt here after bulk loads. */
  private static final String INDEX =
      "create index memory_chunk_embedding on memory_chunk"
          + " using hnsw (embedding_vector vector_cosine_ops)";

  private static final String INSERT =
      "insert into memory_chunk (id, tenant_id, organization_id, agent_id, content, embedding,"
          + " created_at) values (?, ?, ?, ?, ?, ?, now())";

  final UUID tenant = UUID.randomUUID();
  final Agent agent = new Agent(UUID.randomUUID(), UUID.randomUUID());
  final Agent stranger = new Agent(UUID.randomUUID(), UUID.randomUUID());

  private final PGSimpleDataSource owner;
  private final PGSimpleDataSource application;
  private String scopeKey;

  /** An agent and its organization. */
  record Agent(UUID organizationId, UUID id) {}

  private BenchDatabase(String server, String name) {
    owner = dataSource(server + name, "postgres");
    // many rows in one statement: the bulk load is set-up, not what is measured
    owner.setReWriteBatchedInserts(true);
    application = dataSource(server + name, APPLICATION_ROLE);
  }

  /** Creates the database if missing and its schema afresh, with the tenant and both agents. */
  static BenchDatabase reset(String server, String name) throws SQLException {
    try (Connection admin = dataSource(server + "postgres", "postgres").getConnection();
        Statement statement = admin.createStatement()) {
      try (ResultSet found =
          statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        if (!found.next()) {
          statement.execute("create database " + name);
        }
      }
    }
    BenchDatabase database = new BenchDatabase(server, name);
    database.ownerExecute("drop schema if exists public cascade; create schema public");
    DatabaseMigrations.migrate(database.owner, server + name, APPLICATION_ROLE);
    try (Connection connection = database.owner.getConnection();
        Statement statement = connection.createStatement();
        ResultSet key = statement.executeQuery("select key from database_scope_key")) {
      key.next();
      database.scopeKey = key.getString(1);
    }
    database.ownerExecute(
        "insert into tenant (id, slug, name, created_at, updated_at) values ('"
            + database.tenant
            + "', 'bench', 'Bench', now(), now());"
            + database.organizationAndAgent(database.agent)
            + database.organizationAndAgent(database.stranger));
    return database;
  }

  /** Keeps the memories with their embeddings, in one transaction per call. */
  void load(Agent owning, List<String> contents, List<float[]> vectors) throws SQLException {
    try (Connection connection = owner.getConnection()) {
      connection.setAutoCommit(false);
      insert(connection, owning, contents, vectors);
      connection.commit();
    }
  }

  /** The same batch insert as AgentMemory, on a connection the caller controls. */
  void insert(Connection connection, Agent owning, List<String> contents, List<float[]> vectors)
      throws SQLException {
    try (var insert = connection.prepareStatement(INSERT)) {
      for (int i = 0; i < contents.size(); i++) {
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, tenant);
        insert.setObject(3, owning.organizationId());
        insert.setObject(4, owning.id());
        insert.setString(5, contents.get(i));
        insert.setArray(6, VectorArrays.toSql(connection, vectors.get(i)));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * Drops the HNSW index before a bulk load: building it once over all rows is much faster than
   * updating the graph row by row.
   */
  void dropIndex() throws SQLException {
    ownerExecute("drop index if exists memory_chunk_embedding");
  }

  /** Builds the HNSW index with memory for the whole graph, then refreshes the statistics. */
  void buildIndexAndAnalyze() throws SQLException {
    ownerExecute(
        "set maintenance_work_mem = '1GB'; set max_parallel_maintenance_workers = 1; "
            + INDEX
            + "; analyze memory_chunk");
  }

  long count(Agent owning) throws SQLException {
    try (Connection connection = owner.getConnection();
        var statement =
            connection.prepareStatement("select count(*) from memory_chunk where agent_id = ?")) {
      statement.setObject(1, owning.id());
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /** A connection as the application's role, in a transaction that sees the bench tenant. */
  Connection applicationConnection() throws SQLException {
    Connection connection = application.getConnection();
    connection.setAutoCommit(false);
    return connection;
  }

  /** What DatabaseScope.tenant does at the start of each of the platform's transactions. */
  void enterTenant(Connection connection) throws SQLException {
    try (var statement = connection.prepareStatement("select protohive_enter_tenant(?::uuid, ?)")) {
      statement.setString(1, tenant.toString());
      statement.setString(2, scopeKey);
      statement.execute();
    }
  }

  private void ownerExecute(String sql) throws SQLException {
    try (Connection connection = owner.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private String organizationAndAgent(Agent owning) {
    return "insert into organization (id, tenant_id, name, created_at, updated_at) values ('"
        + owning.organizationId()
        + "', '"
        + tenant
        + "', 'Org', now(), now());"
        + "insert into agent (id, tenant_id, organization_id, name, role, persona, max_steps,"
        + " tools, color, created_at, updated_at) values ('"
        + owning.id()
        + "', '"
        + tenant
        + "', '"
        + owning.organizationId()
        + "', 'Ada', 'Lead', '', 4, '[]', '#336699', now(), now());";
  }

  private static PGSimpleDataSource dataSource(String url, String user) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    return dataSource;
  }
}
