package io.protohive.plugins.code;

import io.protohive.plugin.api.ToolResult;
import io.protohive.sandbox.Bubblewrap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * Runs code in the platform's bubblewrap sandbox ({@link Bubblewrap}): no network, the system's
 * {@code /usr} read-only, a work folder and {@code /tmp} in memory of a fixed size, and the
 * kernel's limits on CPU time, memory, processes and file size.
 *
 * <p>The code and the files it reads go in as a tar stream on standard input, the files into the
 * work folder's {@code in} folder, made read-only; its output comes back on standard output; when
 * it ends, the files it left in the work folder's {@code out} folder come back as a tar stream on
 * standard error. A run that outlives its wall time is killed with everything it started.
 */
final class Sandbox {

  /**
   * Inside the sandbox: unpacks the code and its input files, makes the inputs read-only, runs the
   * code with the interpreter within the limits (the arguments after the script's name), then packs
   * the files of the {@code out} folder onto the standard error it kept as descriptor 3; nothing
   * when the code replaced that folder by a link. Everything else said on standard error, the
   * code's included, joins its output.
   */
  private static final String WRAPPER =
      """
      exec 3>&2 2>&1
      tar -xf - --no-same-owner || exit 97
      mkdir -p in out && chmod -R a-w in
      script="$1"
      shift
      "$@" "$script" < /dev/null 3>&-
      status=$?
      if [ -d out ] && [ ! -L out ]; then
        cd out && tar -cf - --exclude='./.*' . >&3
      fi
      exit $status
      """;

  private final SandboxLimits limits;
  private final Bubblewrap bubblewrap;

  Sandbox(SandboxLimits limits) {
    this.limits = limits;
    this.bubblewrap =
        new Bubblewrap(
            limits.workBytes(), List.of(), Map.of("MPLBACKEND", "Agg", "MPLCONFIGDIR", "/tmp"));
  }

  SandboxLimits limits() {
    return limits;
  }

  /** Why no sandbox can be made here, or empty when one can. */
  Optional<String> unavailable() {
    return bubblewrap.unavailable();
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
    Process process =
        new ProcessBuilder(
                bubblewrap.command(
                    concat(
                        List.of("/bin/sh", "-c", WRAPPER, "sandbox", language.script()),
                        limits.process().applyTo(List.of(language.interpreter())))))
            .start();
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

  private static List<String> concat(List<String> first, List<String> then) {
    List<String> both = new ArrayList<>(first);
    both.addAll(then);
    return both;
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
