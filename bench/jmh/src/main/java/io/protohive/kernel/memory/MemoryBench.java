package io.protohive.kernel.memory;

import io.protohive.kernel.encryption.FieldKey;
import io.protohive.kernel.llm.LocalEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Agent memory on the local PostgreSQL with pgvector: latency and recall@10 of the HNSW search
 * against the exact search in process (the baseline, and the ground truth for recall), at 10,000
 * and 100,000 memories of one agent, and texts per second remembered (embedded and inserted). The
 * memories' vectors are synthetic, clustered like the model's embeddings, or real embeddings of
 * generated sentences by the in-process model. Run by bench/memory-search.sh.
 *
 * <p>Arguments, all optional: JDBC address of the server, memory counts (comma-separated), measured
 * queries, sentences ingested (0: none), vectors ({@code clustered} or {@code minilm}).
 */
public final class MemoryBench {

  /** The memories here were written before sealing: the key opens nothing of theirs. */
  private static final FieldKey KEY = FieldKey.generate();

  /** Another agent's memories in the same index, so that the agent filter has rows to drop. */
  static final int STRANGER_MEMORIES = 5_000;

  /** Enough to compile the hot paths; the exact search at 100,000 memories takes seconds each. */
  static final int WARM_UP_QUERIES = 10;

  /** The width the platform searched with before these figures raised it. */
  static final int NARROWER_EF_SEARCH = 100;

  static final int LIMIT = 10;
  static final int LOAD_BATCH = 250;
  static final int INGEST_BATCH = 32;

  /** Held, so that the level set on it stays: the migration's progress is no figure. */
  private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

  private final LocalEmbeddingModel model;
  private final MemoryVectors vectors;
  private final MemorySentences sentences = new MemorySentences(20261125L);
  private final List<String> report = new ArrayList<>();
  private BenchDatabase database;

  private MemoryBench(LocalEmbeddingModel model, MemoryVectors vectors) {
    this.model = model;
    this.vectors = vectors;
  }

  public static void main(String[] args) throws Exception {
    FLYWAY.setLevel(Level.WARNING);
    String server = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/";
    int[] sizes =
        Arrays.stream((args.length > 1 ? args[1] : "10000,100000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int ingest = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
    String source = args.length > 4 ? args[4] : "clustered";
    Path nativeCache = Files.createTempDirectory("protohive-bench-djl");
    try {
      LocalEmbeddingModel model = new LocalEmbeddingModel(nativeCache);
      MemoryVectors vectors =
          switch (source) {
            case "clustered" -> new ClusteredVectors(20261125L);
            case "minilm" -> new MemoryVectors.Embedded(model, new MemorySentences(7L));
            default -> throw new IllegalArgumentException("vectors: clustered or minilm");
          };
      log("memory vectors: %s", source);
      new MemoryBench(model, vectors).run(server, sizes, queries, ingest);
    } finally {
      try (Stream<Path> files = Files.walk(nativeCache)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private void run(String server, int[] sizes, int queries, int ingest) throws Exception {
    List<float[]> warmUp = vectors.queries(WARM_UP_QUERIES);
    List<float[]> measured = vectors.queries(queries);

    database = BenchDatabase.reset(server, "protohive_bench");
    database.dropIndex();
    load(database.stranger, STRANGER_MEMORIES);
    report.add(
        String.format(
            "| agent's memories (+ %,d of another agent) | search | p50 | p99 | p50 against exact"
                + " | recall@10 | queries with recall@10 under 0.5 |",
            STRANGER_MEMORIES));
    report.add("|---|---|---|---|---|---|---|");
    for (int size : sizes) {
      database.dropIndex();
      load(database.agent, size - database.count(database.agent));
      long start = System.nanoTime();
      database.buildIndexAndAnalyze();
      log("HNSW index built and analyzed in %.1f s", (System.nanoTime() - start) / 1e9);
      compareSearches(size, warmUp, measured);
    }
    if (ingest > 0) {
      ingest(ingest);
    }
    System.out.println();
    report.forEach(System.out::println);
  }

  /** The exact search first: its answers are the ground truth the others are scored against. */
  private void compareSearches(int size, List<float[]> warmUp, List<float[]> measured)
      throws SQLException {
    UUID organization = database.agent.organizationId();
    UUID agent = database.agent.id();
    ExactMemorySearch exactSearch = new ExactMemorySearch();
    PgvectorMemorySearch hnswSearch = new PgvectorMemorySearch();
    PgvectorMemorySearch narrowerSearch = new PgvectorMemorySearch(NARROWER_EF_SEARCH);
    SearchRun exact =
        search(
            null,
            (c, q) -> exactSearch.nearest(c, KEY, organization, agent, q, LIMIT),
            warmUp,
            measured);
    SearchRun hnsw =
        search(
            null,
            (c, q) -> hnswSearch.nearest(c, KEY, organization, agent, q, LIMIT),
            warmUp,
            measured);
    SearchRun narrower =
        search(
            null,
            (c, q) -> narrowerSearch.nearest(c, KEY, organization, agent, q, LIMIT),
            warmUp,
            measured);
    SearchRun scan =
        search(
            "set local enable_indexscan = off",
            (c, q) -> hnswSearch.nearest(c, KEY, organization, agent, q, LIMIT),
            warmUp,
            measured);
    log("plan of the pgvector search: %s", plan(false));
    log("plan with index scans off: %s", plan(true));
    row(size, "exact, in process (baseline)", exact, exact);
    row(
        size,
        "pgvector HNSW, ef_search " + PgvectorMemorySearch.EF_SEARCH + " (as shipped)",
        hnsw,
        exact);
    row(size, "the same, ef_search " + NARROWER_EF_SEARCH, narrower, exact);
    row(size, "pgvector without index (exact, in PostgreSQL)", scan, exact);
  }

  /** One way of searching the agent's memory. */
  @FunctionalInterface
  private interface Searcher {
    List<MemoryHit> nearest(Connection connection, float[] query) throws SQLException;
  }

  private record SearchRun(Latencies latencies, List<Set<UUID>> found) {}

  /**
   * Each query in its own transaction, as AgentMemory.recall runs it; only the search is timed.
   * {@code settings}, when given, run first in each transaction, untimed.
   */
  private SearchRun search(
      String settings, Searcher searcher, List<float[]> warmUp, List<float[]> measured)
      throws SQLException {
    try (Connection connection = database.applicationConnection()) {
      for (float[] query : warmUp) {
        searchOnce(connection, settings, searcher, query, new ArrayList<>());
      }
      long[] nanos = new long[measured.size()];
      List<Set<UUID>> found = new ArrayList<>();
      for (int i = 0; i < measured.size(); i++) {
        nanos[i] = searchOnce(connection, settings, searcher, measured.get(i), found);
      }
      return new SearchRun(new Latencies(nanos), found);
    }
  }

  private long searchOnce(
      Connection connection,
      String settings,
      Searcher searcher,
      float[] query,
      List<Set<UUID>> found)
      throws SQLException {
    database.enterTenant(connection);
    if (settings != null) {
      try (var statement = connection.createStatement()) {
        statement.execute(settings);
      }
    }
    long start = System.nanoTime();
    List<MemoryHit> hits = searcher.nearest(connection, query);
    long elapsed = System.nanoTime() - start;
    connection.commit();
    Set<UUID> ids = new HashSet<>();
    hits.forEach(hit -> ids.add(hit.id()));
    found.add(ids);
    return elapsed;
  }

  /** Recall@10 per query against the exact search; its mean, and how many queries fell short. */
  private void row(int size, String search, SearchRun run, SearchRun exact) {
    double sum = 0;
    int poor = 0;
    for (int i = 0; i < exact.found().size(); i++) {
      Set<UUID> common = new HashSet<>(run.found().get(i));
      common.retainAll(exact.found().get(i));
      double recall = common.size() / (double) exact.found().get(i).size();
      sum += recall;
      poor += recall < 0.5 ? 1 : 0;
    }
    report.add(
        String.format(
            "| %,d | %s | %.2f ms | %.2f ms | %.3g × | %.3f | %d of %d |",
            size,
            search,
            run.latencies().p50(),
            run.latencies().p99(),
            run.latencies().p50() / exact.latencies().p50(),
            sum / exact.found().size(),
            poor,
            exact.found().size()));
  }

  /** The scan the planner chooses for PgvectorMemorySearch's query, with its settings. */
  private String plan(boolean withoutIndex) throws SQLException {
    try (Connection connection = database.applicationConnection()) {
      database.enterTenant(connection);
      try (var settings = connection.createStatement()) {
        settings.execute(
            "set local hnsw.ef_search = "
                + PgvectorMemorySearch.EF_SEARCH
                + "; set local hnsw.iterative_scan = strict_order"
                + (withoutIndex ? "; set local enable_indexscan = off" : ""));
      }
      try (var explain =
          connection.prepareStatement("explain (costs off) " + PgvectorMemorySearch.NEAREST)) {
        explain.setArray(
            1, VectorArrays.toSql(connection, new float[LocalEmbeddingModel.DIMENSIONS]));
        explain.setObject(2, database.agent.organizationId());
        explain.setObject(3, database.agent.id());
        explain.setInt(4, LIMIT);
        List<String> lines = new ArrayList<>();
        try (var result = explain.executeQuery()) {
          while (result.next()) {
            lines.add(result.getString(1).trim());
          }
        }
        connection.rollback();
        // the query vector, 384 zeros, says nothing
        return String.join(" / ", lines).replaceAll("'\\[[-0-9.,e]+\\]'", "'[...]'");
      }
    }
  }

  /**
   * Remembering as AgentMemory.remember does it: a batch embedded in process, then inserted in a
   * transaction of its own as the application's role, into the table with its HNSW index. Baseline:
   * the embedding alone, timed within the same loop.
   */
  private void ingest(int count) throws SQLException {
    List<String> texts = sentences.next(count);
    long embedding = 0;
    long inserting = 0;
    try (Connection connection = database.applicationConnection()) {
      for (int from = 0; from < count; from += INGEST_BATCH) {
        List<String> batch = texts.subList(from, Math.min(count, from + INGEST_BATCH));
        long start = System.nanoTime();
        List<float[]> embeddings = MemoryVectors.embed(model, batch);
        long embedded = System.nanoTime();
        database.enterTenant(connection);
        database.insert(connection, database.agent, batch, embeddings);
        connection.commit();
        long stored = System.nanoTime();
        embedding += embedded - start;
        inserting += stored - embedded;
      }
    }
    double embeddingRate = count / (embedding / 1e9);
    double totalRate = count / ((embedding + inserting) / 1e9);
    report.add("");
    report.add(
        "| remembering "
            + count
            + " sentences in batches of "
            + INGEST_BATCH
            + " | texts per second | against embedding alone |");
    report.add("|---|---|---|");
    report.add(String.format("| embedding alone (baseline) | %,.0f | 1.00 × |", embeddingRate));
    report.add(
        String.format(
            "| insert alone (with the HNSW index) | %,.0f | %.2f × |",
            count / (inserting / 1e9), count / (inserting / 1e9) / embeddingRate));
    report.add(
        String.format(
            "| embedding and insert | %,.0f | %.2f × |", totalRate, totalRate / embeddingRate));
  }

  /** Generates and inserts memories of one agent, with their vectors, reporting progress. */
  private void load(BenchDatabase.Agent owning, long count) throws SQLException {
    long start = System.nanoTime();
    long making = 0;
    for (long done = 0; done < count; ) {
      int batch = (int) Math.min(LOAD_BATCH, count - done);
      List<String> texts = sentences.next(batch);
      long before = System.nanoTime();
      List<float[]> drawn = vectors.memories(texts);
      making += System.nanoTime() - before;
      database.load(owning, texts, drawn);
      done += batch;
      if (done % 10_000 == 0 || done == count) {
        double seconds = (System.nanoTime() - start) / 1e9;
        log(
            "loaded %,d memories in %.0f s (vectors at %.0f a second)",
            done, seconds, done / (making / 1e9));
      }
    }
  }

  /** With the load average, since other work on the machine slows every figure. */
  private static void log(String format, Object... arguments) {
    String load;
    try {
      load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      load = "?";
    }
    System.err.printf(
        "[%tT, load %s] %s%n", System.currentTimeMillis(), load, String.format(format, arguments));
  }
}
