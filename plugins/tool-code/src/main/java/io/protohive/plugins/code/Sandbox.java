package io.protohive.plugins.code;

import io.protohive.plugin.api.ToolResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Runs code in a bubblewrap sandbox: fresh user, process, network, IPC and UTS namespaces (so no
 * network but its own loopback), the system's {@code /usr} read-only and nothing else of the host
 * but the few files of {@code /etc} the interpreters need, a work folder and {@code /tmp} in memory
 * of a fixed size, and the kernel's limits on CPU time, memory, processes and file size. When the
 * platform runs as root the sandbox runs as the user {@code nobody}.
 *
 * <p>The code and the files it reads go in as a tar stream on standard input, the files into the
 * work folder's {@code in} folder, made read-only; its output comes back on standard output; when
 * it ends, the files it left in the work folder's {@code out} folder come back as a tar stream on
 * standard error. A run that outlives its wall time is killed with everything it started.
 */
final class Sandbox {

  static final String BWRAP = "/usr/bin/bwrap";

  private static final int NOBODY = 65534;

  /**
   * Inside the sandbox: unpacks the code and its input files, makes the inputs read-only, runs the
   * code within the limits, then packs the files of the {@code out} folder onto the standard error
   * it kept as descriptor 3; nothing when the code replaced that folder by a link. Everything else
   * said on standard error, the code's included, joins its output.
   */
  private static final String WRAPPER =
      """
      exec 3>&2 2>&1
      tar -xf - --no-same-owner || exit 97
      mkdir -p in out && chmod -R a-w in
      prlimit --cpu="$3:$(($3 + 1))" --as="$4" --nproc="$5" --fsize="$6" -- "$1" "$2" \
        < /dev/null 3>&-
      status=$?
      if [ -d out ] && [ ! -L out ]; then
        cd out && tar -cf - --exclude='./.*' . >&3
      fi
      exit $status
      """;

  private final SandboxLimits limits;
  private volatile boolean proven;

  Sandbox(SandboxLimits limits) {
    this.limits = limits;
  }

  SandboxLimits limits() {
    return limits;
  }

  /** Why no sandbox can be made here, or empty when one can. */
  Optional<String> unavailable() {
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

  /**
   * Runs the code, with the files it reads in its {@code in} folder, until it ends, its wall time
   * or the deadline passes, or the call is cancelled.
   */
  RunResult run(
      Language language,
      String code,
      List<InputFile> inputs,
      Instant deadline,
      BooleanSupplier cancelled)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
            command(
                List.of(
                    "/bin/sh",
                    "-c",
                    WRAPPER,
                    "sandbox",
                    language.interpreter(),
                    language.script(),
                    Integer.toString(limits.cpuSeconds()),
                    Long.toString(limits.memoryBytes()),
                    Integer.toString(limits.processes()),
                    Long.toString(limits.workBytes()))));
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", "/usr/bin:/bin");
    environment.put("HOME", "/work");
    environment.put("LANG", "C.UTF-8");
    environment.put("MPLBACKEND", "Agg");
    environment.put("MPLCONFIGDIR", "/tmp");
    Process process = builder.start();
    CompletableFuture<Capped> output =
        CompletableFuture.supplyAsync(
            () -> Capped.read(process.getInputStream(), limits.outputBytes()));
    CompletableFuture<Capped> packed =
        CompletableFuture.supplyAsync(
            () -> Capped.read(process.getErrorStream(), limits.workBytes() + (1 << 20)));
    // written aside, so that a sandbox that stops reading still ends at its wall time
    CompletableFuture.runAsync(() -> send(process, language.script(), code, inputs));
    Instant until = earliest(Instant.now().plus(limits.wallTime()), deadline);
    boolean ended = false;
    while (!ended && Instant.now().isBefore(until) && !cancelled.getAsBoolean()) {
      ended = process.waitFor(50, TimeUnit.MILLISECONDS);
    }
    if (!ended) {
      // the sandbox's processes die with it (--die-with-parent, their own process namespace)
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    Capped printed = output.join();
    List<ToolResult.Attachment> files = new ArrayList<>();
    int skipped = 0;
    if (ended) {
      for (ToolResult.Attachment file : PackedFiles.unpack(packed.join().bytes())) {
        if (files.size() < limits.files()) {
          files.add(file);
        } else {
          skipped++;
        }
      }
    }
    return new RunResult(
        ended ? process.exitValue() : -1,
        new String(printed.bytes(), StandardCharsets.UTF_8),
        printed.truncated(),
        !ended,
        files,
        skipped);
  }

  /** The command line that runs {@code inside} in a fresh sandbox. */
  List<String> command(List<String> inside) {
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
            "/etc/fonts",
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--size",
            Long.toString(limits.workBytes()),
            "--tmpfs",
            "/tmp",
            "--size",
            Long.toString(limits.workBytes()),
            "--tmpfs",
            "/work",
            "--chdir",
            "/work"));
    command.addAll(inside);
    return command;
  }

  /** Packs the code and the files it reads onto the sandbox's standard input, and closes it. */
  private static void send(Process process, String script, String code, List<InputFile> inputs) {
    try (TarArchiveOutputStream in =
        new TarArchiveOutputStream(process.getOutputStream(), StandardCharsets.UTF_8.name())) {
      in.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      pack(in, script, code.getBytes(StandardCharsets.UTF_8));
      for (InputFile input : inputs) {
        pack(in, "in/" + input.name(), input.content());
      }
      in.finish();
    } catch (IOException closedEarly) {
      // the sandbox ended before it read everything; its output says why
    }
  }

  private static void pack(TarArchiveOutputStream tar, String name, byte[] content)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static Instant earliest(Instant a, Instant b) {
    return b == null || a.isBefore(b) ? a : b;
  }

  /** Bytes read to the end of a stream, of which at most a limit are kept. */
  private record Capped(byte[] bytes, boolean truncated) {

    static Capped read(InputStream stream, long limit) {
      ByteArrayOutputStream kept = new ByteArrayOutputStream();
      byte[] buffer = new byte[8_192];
      boolean truncated = false;
      try (stream) {
        for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
          int room = (int) Math.max(0, Math.min(n, limit - kept.size()));
          kept.write(buffer, 0, room);
          truncated |= room < n;
        }
      } catch (IOException closed) {
        truncated = true;
      }
      return new Capped(kept.toByteArray(), truncated);
    }
  }
}
