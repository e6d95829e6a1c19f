package io.protohive.s3mock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Adobe's S3Mock on a loopback port, in a JVM of its own, keeping its objects in a temporary folder
 * that {@link #close()} removes. Any access key and secret are accepted.
 *
 * <p>Start one per test class: starting takes a few seconds.
 */
public final class S3MockServer implements AutoCloseable {

  private static final String MAIN_CLASS = "com.adobe.testing.s3mock.S3MockApplication";
  private static final String STARTED = "Started S3MockApplication";
  private static final long START_TIMEOUT_SECONDS = 120;
  private static final int LOG_LINES_KEPT = 60;

  private final Process process;
  private final Path root;
  private final int port;

  private S3MockServer(Process process, Path root, int port) {
    this.process = process;
    this.root = root;
    this.port = port;
  }

  /**
   * Starts the server and returns once it answers.
   *
   * @throws IllegalStateException with the server's last log lines when it does not start
   */
  public static S3MockServer start() {
    try {
      return start(freePort());
    } catch (IOException e) {
      throw new UncheckedIOException("S3Mock cannot be started", e);
    }
  }

  /**
   * Starts the server on the given port, for a server under test configured with it, and returns
   * once it answers.
   */
  public static S3MockServer start(int port) {
    try {
      Path root = Files.createTempDirectory("s3mock-");
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process process =
          new ProcessBuilder(
                  List.of(
                      java.toString(),
                      "-Xmx256m",
                      "-cp",
                      classpath(),
                      MAIN_CLASS,
                      "--com.adobe.testing.s3mock.httpPort=" + port,
                      "--server.port=0",
                      "--com.adobe.testing.s3mock.store.root=" + root,
                      "--logging.level.root=INFO"))
              .redirectErrorStream(true)
              .start();
      S3MockServer server = new S3MockServer(process, root, port);
      server.awaitStart();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("S3Mock cannot be started", e);
    }
  }

  /** The server's address, for the S3 client's endpoint override with path-style access. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Stops the server and deletes what it stored. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteTree(root);
  }

  private void awaitStart() {
    CompletableFuture<Void> started = new CompletableFuture<>();
    Deque<String> lastLines = new ArrayDeque<>();
    Thread reader =
        new Thread(() -> follow(process.getInputStream(), started, lastLines), "s3mock-log");
    reader.setDaemon(true);
    reader.start();
    try {
      started.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      close();
      synchronized (lastLines) {
        throw new IllegalStateException(
            "S3Mock did not start; its last lines:\n" + String.join("\n", lastLines), e);
      }
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while S3Mock started", e);
    }
  }

  /** Reads the server's log to its end, so that the process never blocks on a full pipe. */
  private static void follow(
      InputStream log, CompletableFuture<Void> started, Deque<String> lastLines) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(log, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (lastLines) {
          lastLines.addLast(line);
          if (lastLines.size() > LOG_LINES_KEPT) {
            lastLines.removeFirst();
          }
        }
        if (line.contains(STARTED)) {
          started.complete(null);
        }
      }
    } catch (IOException e) {
      started.completeExceptionally(e);
    }
    started.completeExceptionally(new IllegalStateException("S3Mock exited"));
  }

  /** Written at build time by the dependency plugin: S3Mock's jars in the local repository. */
  private static String classpath() throws IOException {
    try (InputStream in = S3MockServer.class.getResourceAsStream("s3mock.classpath")) {
      if (in == null) {
        throw new IllegalStateException(
            "s3mock.classpath is missing; build protohive-s3-mock with Maven");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path folder) {
    // S3Mock removes its folder as it exits, unless it could not
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("S3Mock's folder " + folder + " cannot be deleted", e);
    }
  }
}
