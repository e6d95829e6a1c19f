package io.protohive.bench;

import io.protohive.kernel.identity.OpaqueTokens;
import io.protohive.kernel.identity.PasswordHasher;
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

/**
 * What it costs to check a password (PBKDF2-HMAC-SHA256, 600,000 iterations), against what it costs
 * to check a refresh token (one SHA-256), the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CredentialCheckBenchmark {

  private final PasswordHasher hasher = new PasswordHasher();
  private final char[] password = "correct horse battery staple".toCharArray();
  private String storedHash;
  private String refreshToken;

  @Setup
  public void prepare() {
    storedHash = hasher.hash(password);
    refreshToken = OpaqueTokens.generate();
  }

  @Benchmark
  public boolean verifyPassword() {
    return hasher.verify(password, storedHash);
  }

  @Benchmark
  public String hashRefreshToken() {
    return OpaqueTokens.hash(refreshToken);
  }
}
