package io.protohive.kernel.knowledge;

import io.protohive.kernel.database.DatabaseMigrations;
import io.protohive.kernel.memory.ClusteredVectors;
import io.protohive.kernel.memory.MemorySentences;
import io.protohive.kernel.memory.VectorArrays;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Knowledge search over 100,000 chunks of one organization on the local PostgreSQL with pgvector:
 * p50/p99 of the hybrid search as the platform runs it (HNSW and full text, fused) and of the
 * pgvector retriever alone, against the exact retriever in process (the baseline, and the ground
 * truth for recall@10). Chunks hold about 800 characters of generated sentences for the full text;
 * their vectors are synthetic (clustered like the model's embeddings): embedding 100,000 real
 * chunks would take longer than the whole run. Run by bench/knowledge-search.sh.
 *
 * <p>Arguments, all optional: JDBC address of the server, chunks, measured queries, exact queries,
 * {@code reuse} to measure the chunks an earlier run loaded instead of loading afresh.
 */
public final class KnowledgeSearchBench {

  static final String DATABASE = "protohive_bench";
  static final String APPLICATION_ROLE = "protohive_bench_app";

  static final int CHUNKS_PER_FILE = 100;
  static final int SENTENCES_PER_CHUNK = 5;

  /** Another organization's files in the same index, so that the scope has rows to skip. */
  static final int STRANGER_CHUNKS = 5_000;

  static final int WARM_UP = 10;
  static final int LIMIT = 10;

  /** Held, so that the level set on it stays: the migration's progress is no figure. */
  private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

  private UUID tenant = UUID.randomUUID();
  private UUID organization = UUID.randomUUID();
  private final UUID stranger = UUID.randomUUID();
  private UUID reader = UUID.randomUUID();
  private final PGSimpleDataSource owner;
  private final PGSimpleDataSource application;
  private final ClusteredVectors vectors = new ClusteredVectors(20261206L);
  private final MemorySentences sentences = new MemorySentences(20261206L);
  private String scopeKey;

  private KnowledgeSearchBench(String server) {
    owner = dataSource(server + DATABASE, "postgres");
    owner.setReWriteBatchedInserts(true);
    application = dataSource(server + DATABASE, APPLICATION_ROLE);
  }

  public static void main(String[] args) throws Exception {
    FLYWAY.setLevel(Level.WARNING);
    String server = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/";
    int chunks = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int exactQueries = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    boolean reuse = args.length > 4 && args[4].equals("reuse");
    KnowledgeSearchBench bench = new KnowledgeSearchBench(server);
    if (reuse) {
      bench.find();
    } else {
      bench.reset(server);
      long start = System.nanoTime();
      bench.load(bench.organization, chunks);
      bench.load(bench.stranger, STRANGER_CHUNKS);
      log("loaded %,d + %,d chunks in %.1f s", chunks, STRANGER_CHUNKS, seconds(start));
      start = System.nanoTime();
      bench.ownerExecute(
          "set maintenance_work_mem = '1GB'; set max_parallel_maintenance_workers = 1;"
              + " create index file_chunk_embedding on file_chunk"
              + " using hnsw (embedding_vector vector_cosine_ops); analyze");
      log("HNSW index built and tables analyzed in %.1f s", seconds(start));
    }
    bench.measure(queries, exactQueries);
  }

  private void reset(String server) throws SQLException {
    try (Connection admin = dataSource(server + "postgres", "postgres").getConnection();
        Statement statement = admin.createStatement()) {
      try (ResultSet found =
          statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (!found.next()) {
          statement.execute("create database " + DATABASE);
        }
      }
    }
    ownerExecute("drop schema if exists public cascade; create schema public");
    DatabaseMigrations.migrate(owner, "bench", APPLICATION_ROLE);
    try (Connection connection = owner.getConnection();
        Statement statement = connection.createStatement();
        ResultSet key = statement.executeQuery("select key from database_scope_key")) {
      key.next();
      scopeKey = key.getString(1);
    }
    ownerExecute(
        String.format(
            "insert into tenant (id, slug, name, created_at, updated_at)"
                + " values ('%1$s', 'bench', 'Bench', now(), now());"
                + "insert into organization (id, tenant_id, name, created_at, updated_at)"
                + " values ('%2$s', '%1$s', 'Org', now(), now()), ('%3$s', '%1$s', 'Other', now(),"
                + " now());"
                + "insert into user_account (id, tenant_id, email, display_name, password_hash,"
                + " created_at) values ('%4$s', '%1$s', 'reader@example.com', 'Reader', 'x', now());"
                // built once over all rows after the load: much faster than row by row
                + "drop index file_chunk_embedding",
            tenant, organization, stranger, reader));
  }

  /** The tenant, organization and reader an earlier run loaded, to measure its chunks again. */
  private void find() throws SQLException {
    try (Connection connection = owner.getConnection();
        Statement statement = connection.createStatement();
        ResultSet found =
            statement.executeQuery(
                "select t.id, o.id, a.id, k.key from tenant t"
                    + " join organization o on o.tenant_id = t.id and o.name = 'Org'"
                    + " join user_account a on a.tenant_id = t.id, database_scope_key k"
                    + " where t.slug = 'bench'")) {
      if (!found.next()) {
        throw new IllegalStateException("no earlier run's chunks to reuse");
      }
      tenant = found.getObject(1, UUID.class);
      organization = found.getObject(2, UUID.class);
      reader = found.getObject(3, UUID.class);
      scopeKey = found.getString(4);
    }
    log("reusing the chunks of an earlier run");
  }

  /** Files of 100 chunks each, organization-wide, one transaction per file. */
  private void load(UUID organizationId, int chunks) throws SQLException {
    try (Connection connection = owner.getConnection()) {
      connection.setAutoCommit(false);
      for (int loaded = 0; loaded < chunks; loaded += CHUNKS_PER_FILE) {
        int count = Math.min(CHUNKS_PER_FILE, chunks - loaded);
        UUID file = UUID.randomUUID();
        try (var insert =
            connection.prepareStatement(
                "insert into stored_file (id, tenant_id, organization_id, name, content_type,"
                    + " size_bytes, version, status, visibility, created_at, updated_at)"
                    + " values (?, ?, ?, ?, 'application/pdf', 1000000, 1, 'READY',"
                    + " 'ORGANIZATION', now(), now())")) {
          insert.setObject(1, file);
          insert.setObject(2, tenant);
          insert.setObject(3, organizationId);
          insert.setString(4, "report-" + loaded + ".pdf");
          insert.executeUpdate();
        }
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          texts.add(String.join(" ", sentences.next(SENTENCES_PER_CHUNK)));
        }
        List<float[]> embeddings = vectors.memories(texts);
        try (var insert =
            connection.prepareStatement(
                "insert into file_chunk (id, tenant_id, organization_id, file_id, version,"
                    + " ordinal, page, heading, content, embedding)"
                    + " values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)")) {
          for (int i = 0; i < count; i++) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, tenant);
            insert.setObject(3, organizationId);
            insert.setObject(4, file);
            insert.setInt(5, i);
            insert.setInt(6, i / 3 + 1);
            insert.setString(7, "Section " + (i / 10 + 1));
            insert.setString(8, texts.get(i));
            insert.setArray(9, VectorArrays.toSql(connection, embeddings.get(i)));
            insert.addBatch();
          }
          insert.executeBatch();
        }
        connection.commit();
      }
    }
  }

  private void measure(int queries, int exactQueries) throws SQLException {
    SearchScope scope = SearchScope.person(organization, reader, false);
    List<float[]> queryVectors = vectors.queries(WARM_UP + queries);
    List<String> topics = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < WARM_UP + queries; i++) {
      topics.add(sentences.subject());
      questions.add(sentences.question());
    }
    ExactVectorRetriever exact = new ExactVectorRetriever();
    PgvectorRetriever pgvector = new PgvectorRetriever();
    KnowledgeSearch hybrid = new KnowledgeSearch(pgvector, Reranker.IDENTITY);
    try (Connection connection = application.getConnection()) {
      connection.setAutoCommit(false);
      enterTenant(connection);
      log("vector query plan: %s", plan(connection, scope));
      connection.commit();

      List<List<UUID>> truth = new ArrayList<>();
      long[] exactNanos =
          time(
              connection,
              exactQueries,
              i -> truth.add(exact.nearest(connection, scope, queryVectors.get(i), LIMIT)));
      truth.subList(0, WARM_UP).clear();
      report("exact vector retriever, in process (baseline)", exactNanos, exactNanos);

      List<List<UUID>> found = new ArrayList<>();
      long[] pgvectorNanos =
          time(
              connection,
              queries,
              i ->
                  found.add(
                      pgvector.nearest(
                          connection, scope, queryVectors.get(i), KnowledgeSearch.DEPTH)));
      found.subList(0, WARM_UP).clear();
      report("pgvector retriever, depth 50 as the search asks", pgvectorNanos, exactNanos);
      log("recall@10 of pgvector against exact: %s", recall(truth, found));

      hybrid(connection, hybrid, scope, "topic", topics, queryVectors, exactNanos);
      hybrid(connection, hybrid, scope, "question", questions, queryVectors, exactNanos);
    }
  }

  private void hybrid(
      Connection connection,
      KnowledgeSearch hybrid,
      SearchScope scope,
      String kind,
      List<String> texts,
      List<float[]> queryVectors,
      long[] baseline)
      throws SQLException {
    long[] nanos =
        time(
            connection,
            texts.size() - WARM_UP,
            i -> hybrid.search(connection, scope, texts.get(i), queryVectors.get(i), LIMIT));
    report("hybrid search, " + kind + " queries", nanos, baseline);
    int matched = 0;
    for (String text : texts.subList(WARM_UP, texts.size())) {
      matched += matchesWords(connection, text) ? 1 : 0;
    }
    connection.commit();
    log("  %d of %d %s queries matched chunks by words", matched, nanos.length, kind);
  }

  /** Whether any chunk holds all the query's words; the GIN index answers without ranking. */
  private boolean matchesWords(Connection connection, String text) throws SQLException {
    enterTenant(connection);
    try (var statement =
        connection.prepareStatement(
            "select exists (select 1 from file_chunk"
                + " where content_search @@ websearch_to_tsquery('simple', ?))")) {
      statement.setString(1, text);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  /** One transaction per query, as a tool call makes it; only the search itself is timed. */
  private long[] time(Connection connection, int count, Query query) throws SQLException {
    long[] nanos = new long[count];
    for (int i = 0; i < WARM_UP + count; i++) {
      enterTenant(connection);
      long start = System.nanoTime();
      query.run(i);
      long took = System.nanoTime() - start;
      connection.commit();
      if (i >= WARM_UP) {
        nanos[i - WARM_UP] = took;
      }
    }
    return nanos;
  }

  /** A search numbered by its query. */
  private interface Query {
    void run(int index) throws SQLException;
  }

  private static String recall(List<List<UUID>> truth, List<List<UUID>> found) {
    double sum = 0;
    int poor = 0;
    for (int i = 0; i < truth.size(); i++) {
      Set<UUID> expected = new HashSet<>(truth.get(i));
      long hits = found.get(i).stream().limit(LIMIT).filter(expected::contains).count();
      double recall = (double) hits / expected.size();
      sum += recall;
      if (recall < 0.5) {
        poor++;
      }
    }
    return String.format(
        "%.3f over %d queries (%d under 0.5)", sum / truth.size(), truth.size(), poor);
  }

  private static void report(String what, long[] nanos, long[] baseline) {
    double p50 = percentile(nanos, 50);
    log(
        "%-50s p50 %9.2f ms (%.4f x baseline)  p99 %9.2f ms  (%d queries)",
        what, p50, p50 / percentile(baseline, 50), percentile(nanos, 99), nanos.length);
  }

  static double percentile(long[] nanos, double percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1] / 1e6;
  }

  private String plan(Connection connection, SearchScope scope) throws SQLException {
    try (var explain = connection.prepareStatement("explain " + PgvectorRetriever.NEAREST)) {
      int next = ScopedChunks.bind(explain, connection, scope);
      explain.setArray(next, VectorArrays.toSql(connection, vectors.queries(1).get(0)));
      explain.setInt(next + 1, KnowledgeSearch.DEPTH);
      StringBuilder plan = new StringBuilder();
      try (var result = explain.executeQuery()) {
        while (result.next()) {
          // the scan of the chunks tells whether the HNSW graph was walked
          String line = result.getString(1);
          if (line.contains(" on file_chunk ")) {
            plan.append(line.strip());
          }
        }
      }
      return plan.toString();
    }
  }

  /** What DatabaseScope.tenant does at the start of each of the platform's transactions. */
  private void enterTenant(Connection connection) throws SQLException {
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

  private static PGSimpleDataSource dataSource(String url, String user) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    return dataSource;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void log(String format, Object... arguments) {
    System.out.println(String.format(format, arguments));
  }
}
