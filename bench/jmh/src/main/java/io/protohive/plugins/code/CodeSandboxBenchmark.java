package io.protohive.plugins.code;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From asking to run {@code print(1)} to having its output: in the code plugin's sandbox (a fresh
 * bubblewrap sandbox with its limits, the code in on standard input, the work folder packed back),
 * against the same interpreter started directly, the baseline. {@code runsPerSecond} is the
 * sandbox's throughput with two callers, one per core.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CodeSandboxBenchmark {

  private final Sandbox sandbox = new Sandbox(SandboxLimits.DEFAULTS);

  @Setup
  public void sandboxExists() {
    sandbox
        .unavailable()
        .ifPresent(
            reason -> {
              throw new IllegalStateException(reason);
            });
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public String directly() throws IOException, InterruptedException {
    Process python = new ProcessBuilder("/usr/bin/python3", "-c", "print(1)").start();
    String output = new String(python.getInputStream().readAllBytes());
    python.waitFor();
    return output;
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public RunResult sandboxed() throws IOException, InterruptedException {
    return run();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public RunResult runsPerSecond() throws IOException, InterruptedException {
    return run();
  }

  private RunResult run() throws IOException, InterruptedException {
    RunResult result =
        sandbox.run(
            Language.PYTHON, "print(1)", List.of(), Instant.now().plusSeconds(30), () -> false);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(result.output());
    }
    return result;
  }
}
