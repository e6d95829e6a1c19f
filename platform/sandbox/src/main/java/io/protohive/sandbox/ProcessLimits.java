package io.protohive.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's resource limits of a sandboxed program's processes, set by {@code prlimit} inside
 * the sandbox so that the program cannot raise them again.
 *
 * @param cpuSeconds CPU time of each process, after which the kernel ends it; 0 for no limit
 * @param memoryBytes the address space of each process
 * @param processes processes of the sandbox's user at once
 * @param fileBytes the size of one written file
 */
public record ProcessLimits(int cpuSeconds, long memoryBytes, int processes, long fileBytes) {

  /** {@code command} run within these limits. */
  public List<String> applyTo(List<String> command) {
    List<String> limited = new ArrayList<>();
    limited.add("/usr/bin/prlimit");
    if (cpuSeconds > 0) {
      // the soft limit sends SIGXCPU, which ends a program that does not catch it; the hard one
      // a second later ends one that does
      limited.add("--cpu=" + cpuSeconds + ":" + (cpuSeconds + 1));
    }
    limited.add("--as=" + memoryBytes);
    limited.add("--nproc=" + processes);
    limited.add("--fsize=" + fileBytes);
    limited.add("--");
    limited.addAll(command);
    return limited;
  }
}
