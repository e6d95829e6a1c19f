package io.protohive.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A bubblewrap sandbox: fresh user, process, network, IPC and UTS namespaces (so no network but its
 * own loopback), the system's {@code /usr} read-only and nothing else of the host but the few files
 * of {@code /etc} interpreters need and the folders given, read-only; a work folder {@code /work}
 * and {@code /tmp} in memory of a fixed size; an environment of its own, so that none of the
 * platform's settings, secrets among them, reach it. When the platform runs as root the sandbox
 * runs as the user {@code nobody}. Its processes die with the process that started it.
 */
public final class Bubblewrap {

  public static final String BWRAP = "/usr/bin/bwrap";

  private static final int NOBODY = 65534;

  private final long scratchBytes;
  private final List<Path> readOnly;
  private final Map<String, String> environment;
  private volatile boolean proven;

  /**
   * @param scratchBytes the size of each of {@code /work} and {@code /tmp}
   * @param readOnly host folders the sandbox sees at the same paths, read-only
   * @param environment variables the sandboxed program needs besides {@code PATH}, {@code HOME} and
   *     {@code LANG}
   */
  public Bubblewrap(long scratchBytes, List<Path> readOnly, Map<String, String> environment) {
    this.scratchBytes = scratchBytes;
    this.readOnly = List.copyOf(readOnly);
    TreeMap<String, String> all = new TreeMap<>(environment);
    all.put("PATH", "/usr/bin:/bin");
    all.put("HOME", "/work");
    all.put("LANG", "C.UTF-8");
    this.environment = Collections.unmodifiableMap(all);
  }

  /** Why no sandbox can be made here, or empty when one can. */
  public Optional<String> unavailable() {
    if (proven) {
      return Optional.empty();
    }
    if (!Files.isExecutable(Path.of(BWRAP))) {
      return Optional.of("bubblewrap (" + BWRAP + ") is not installed");
    }
    try {
      Process probe =
          new ProcessBuilder(command(List.of("/bin/true"))).redirectErrorStream(true).start();
      probe.getOutputStream().close();
      byte[] said = probe.getInputStream().readNBytes(2_000);
      if (!probe.waitFor(10, TimeUnit.SECONDS)) {
        probe.destroyForcibly();
        return Optional.of("the sandbox did not start within 10 seconds");
      }
      if (probe.exitValue() != 0) {
        return Optional.of(
            "the sandbox could not be made: " + new String(said, StandardCharsets.UTF_8).strip());
      }
      proven = true;
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("the sandbox could not be started: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while the sandbox was tried");
    }
  }

  /** The command line that runs {@code inside} in a fresh sandbox, in its work folder. */
  public List<String> command(List<String> inside) {
    List<String> command = new ArrayList<>();
    if (RunningUser.isRoot()) {
      command.addAll(
          List.of(
              "/usr/bin/setpriv",
              "--reuid=" + NOBODY,
              "--regid=" + NOBODY,
              "--clear-groups",
              "--inh-caps=-all"));
    }
    command.addAll(
        List.of(
            BWRAP,
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--ro-bind",
            "/usr",
            "/usr",
            "--symlink",
            "usr/bin",
            "/bin",
            "--symlink",
            "usr/sbin",
            "/sbin",
            "--symlink",
            "usr/lib",
            "/lib",
            "--symlink",
            "usr/lib64",
            "/lib64",
            "--ro-bind-try",
            "/etc/alternatives",
            "/etc/alternatives",
            "--ro-bind-try",
            "/etc/ld.so.cache",
            "/etc/ld.so.cache",
            "--ro-bind-try",
            "/etc/matplotlibrc",
            "/etc/matplotlibrc",
            "--ro-bind-try",
            "/etc/fonts",
            "/etc/fonts"));
    environment.forEach((name, value) -> command.addAll(List.of("--setenv", name, value)));
    command.addAll(
        List.of(
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--size",
            Long.toString(scratchBytes),
            "--tmpfs",
            "/tmp",
            "--size",
            Long.toString(scratchBytes),
            "--tmpfs",
            "/work"));
    // after the file systems in memory, so that a folder under /tmp is not hidden by them
    for (Path folder : readOnly) {
      command.addAll(List.of("--ro-bind", folder.toString(), folder.toString()));
    }
    command.addAll(List.of("--chdir", "/work"));
    command.addAll(inside);
    return command;
  }
}
