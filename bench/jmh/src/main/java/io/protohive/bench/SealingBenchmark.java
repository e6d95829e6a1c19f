package io.protohive.bench;

import io.protohive.kernel.encryption.FieldKey;
import io.protohive.kernel.encryption.SealedColumn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What sealing costs a message of about 330 characters, as posting one does (AES-256-GCM and the
 * HMAC of each distinct word for the blind index), and what opening it costs, as each message of a
 * read page does; against hashing the same text once with SHA-256, the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SealingBenchmark {

  private static final String MESSAGE =
      "Please prepare the quarterly summary for the Lisbon office, with the revenue by product"
          + " line, the open invoices older than sixty days, and a short note on hiring plans;"
          + " compare each figure with the same quarter last year and flag anything that moved"
          + " by more than ten percent, then send it to the finance team before Friday noon.";

  private final FieldKey key = FieldKey.generate();
  private final String row = SealedColumn.MESSAGE_CONTENT.context(UUID.randomUUID());
  private String sealed;

  @Setup
  public void prepare() {
    sealed = key.seal(MESSAGE, row);
  }

  @Benchmark
  public void sealForPosting(Blackhole sink) {
    sink.consume(key.seal(MESSAGE, row));
    sink.consume(key.searchTerms(MESSAGE));
  }

  @Benchmark
  public String openForReading() {
    return key.open(sealed, row);
  }

  @Benchmark
  public byte[] hashBaseline() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(MESSAGE.getBytes(StandardCharsets.UTF_8));
  }
}
