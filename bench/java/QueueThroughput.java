import io.protohive.kernel.database.DatabaseMigrations;
import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobQueue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The job queue's own cost on PostgreSQL: jobs claimed and completed per second, and the latency
 * of one claim (its statement and commit), with 1 worker (the baseline) and with 8 competing
 * workers, each claiming one job at a time, the worst case for the queue. Run by
 * bench/job-queue.sh against the database protohive_queue_bench, whose schema it recreates.
 */
public final class QueueThroughput {

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int jobs = Integer.parseInt(args[1]);
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setUrl(url);
    owner.setUser("postgres");
    for (int workers : new int[] {1, 8}) {
      try (Connection connection = owner.getConnection()) {
        connection.createStatement().execute("drop schema if exists public cascade; create schema public");
      }
      DatabaseMigrations.migrate(owner, "bench", "protohive_queue_bench_app");
      try (Connection connection = owner.getConnection()) {
        connection.setAutoCommit(false);
        for (int i = 0; i < jobs; i++) {
          JobQueue.enqueue(connection, null, "bench", "{\"n\":" + i + "}", Instant.now(), 3);
        }
        connection.commit();
      }
      run(owner, workers, jobs);
    }
  }

  private static void run(PGSimpleDataSource owner, int workers, int jobs) throws Exception {
    ConcurrentLinkedQueue<Long> claims = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<Integer>> done = new ArrayList<>();
    long started = System.nanoTime();
    for (int w = 0; w < workers; w++) {
      String name = "worker-" + w;
      done.add(pool.submit(() -> {
        int finished = 0;
        try (Connection connection = owner.getConnection()) {
          connection.setAutoCommit(false);
          while (true) {
            long claiming = System.nanoTime();
            List<Job> claimed = JobQueue.claim(connection, name, 1, Duration.ofMinutes(5));
            connection.commit();
            claims.add(System.nanoTime() - claiming);
            if (claimed.isEmpty()) {
              return finished;
            }
            JobQueue.complete(connection, claimed.get(0).id(), name);
            connection.commit();
            finished++;
          }
        }
      }));
    }
    int total = 0;
    for (Future<Integer> worker : done) {
      total += worker.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(claims);
    Collections.sort(sorted);
    System.out.printf("%d worker(s): %d jobs in %.1f s = %.0f jobs/s; claim p50 %.2f ms, p99 %.2f ms%n",
        workers, total, seconds, total / seconds, BenchPlatform.millis(sorted, 50),
        BenchPlatform.millis(sorted, 99));
  }

}
