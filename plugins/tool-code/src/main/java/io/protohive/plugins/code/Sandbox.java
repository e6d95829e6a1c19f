package io.protohive.plugins.code;

import io.protohive.plugin.api.ToolResult;
import io.protohive.sandbox.Bubblewrap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Runs code in the platform's bubblewrap sandbox ({@link Bubblewrap}): no network, the system's
 * {@code /usr} read-only, a work folder and {@code /tmp} in memory of a fixed size, and the
 * kernel's limits on CPU time, memory, processes and file size.
 *
 * <p>The code goes in on standard input; its output comes back on standard output; when it ends,
 * the files it left in its work folder come back as a tar stream on standard error. A run that
 * outlives its wall time is killed with everything it started.
 */
final class Sandbox {

  /**
   * Inside the sandbox: keeps the code in its file, runs it with the interpreter within the limits
   * (the arguments after the file's name) with its error output joined to its output, then packs
   * the work folder's files onto standard error.
   */
  private static final String WRAPPER =
      """
      script="$1"
      shift
      cat > "$script" || exit 97
      "$@" "$script" < /dev/null 2>&1
      status=$?
      rm -f "$script"
      tar -cf - --exclude='./.*' . >&2
      exit $status
      """;

  private static final Map<String, String> MEDIA_TYPES =
      Map.of(
          "png", "image/png",
          "jpg", "image/jpeg",
          "svg", "image/svg+xml",
          "csv", "text/csv",
          "json", "application/json",
          "txt", "text/plain",
          "md", "text/markdown",
          "html", "text/html",
          "pdf", "application/pdf");

  private final SandboxLimits limits;
  private final Bubblewrap bubblewrap;

  Sandbox(SandboxLimits limits) {
    this.limits = limits;
    this.bubblewrap =
        new Bubblewrap(
            limits.workBytes(), List.of(), Map.of("MPLBACKEND", "Agg", "MPLCONFIGDIR", "/tmp"));
  }

  /** Why no sandbox can be made here, or empty when one can. */
  Optional<String> unavailable() {
    return bubblewrap.unavailable();
  }

  /**
   * Runs the code until it ends, its wall time or the deadline passes, or the call is cancelled.
   */
  RunResult run(Language language, String code, Instant deadline, BooleanSupplier cancelled)
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
    try (OutputStream in = process.getOutputStream()) {
      in.write(code.getBytes(StandardCharsets.UTF_8));
    } catch (IOException closedEarly) {
      // the sandbox ended before it read the code; its output says why
    }
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
      for (ToolResult.Attachment file : files(packed.join().bytes())) {
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

  private static List<ToolResult.Attachment> files(byte[] tar) {
    List<ToolResult.Attachment> files = new ArrayList<>();
    try (TarArchiveInputStream entries = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry entry = entries.getNextEntry();
          entry != null;
          entry = entries.getNextEntry()) {
        if (!entry.isFile()) {
          continue;
        }
        String name = Path.of(entry.getName()).getFileName().toString();
        files.add(new ToolResult.Attachment(name, mediaType(name), entries.readAllBytes()));
      }
    } catch (IOException truncated) {
      // the files packed before the stream broke off are kept
    }
    return files;
  }

  private static String mediaType(String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return MEDIA_TYPES.getOrDefault(extension, "application/octet-stream");
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
