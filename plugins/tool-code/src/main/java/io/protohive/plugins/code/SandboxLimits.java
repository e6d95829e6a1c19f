package io.protohive.plugins.code;

import io.protohive.sandbox.ProcessLimits;
import java.time.Duration;

/**
 * What one run may use. CPU time, memory, processes and the size of one written file are the
 * kernel's resource limits of the code's processes; the work folder is a memory file system of a
 * fixed size; wall time and output are counted here.
 *
 * @param memoryBytes the address space of each process of the code
 * @param processes processes of the sandbox's user at once, over all runs
 * @param workBytes the size of the work folder, which holds the code and the files it writes
 * @param outputBytes what is kept of the code's output; the rest is read and dropped
 * @param files the most files kept of those the code wrote
 * @param inputBytes what the files the code reads may weigh together; they lie in the work folder
 */
record SandboxLimits(
    Duration wallTime,
    int cpuSeconds,
    long memoryBytes,
    int processes,
    long workBytes,
    int outputBytes,
    int files,
    long inputBytes) {

  static final SandboxLimits DEFAULTS =
      new SandboxLimits(
          Duration.ofSeconds(25), 20, 2L << 30, 64, 64L << 20, 32 << 10, 10, 32L << 20);

  /** The limits of the code's processes; no file it writes outgrows its work folder. */
  ProcessLimits process() {
    return new ProcessLimits(cpuSeconds, memoryBytes, processes, workBytes);
  }
}
