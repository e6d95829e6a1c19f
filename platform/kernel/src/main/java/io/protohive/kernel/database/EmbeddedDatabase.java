package io.protohive.kernel.database;

import io.protohive.kernel.platform.StartupFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A PostgreSQL server run by the platform itself, for the embedded mode. Its data folder outlives
 * the process, so data survives restarts; durability settings are those of a real server.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
  private static final Duration STALE_SERVER_STOP_TIMEOUT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on {@code 127.0.0.1:port} with its data in {@code dataFolder}.
   *
   * @throws StartupFailure when the port is taken or the server does not come up
   */
  public static EmbeddedDatabase start(Path dataFolder, int port) {
    stopStaleServer(dataFolder);
    requireFreePort(port);
    try {
      Files.createDirectories(dataFolder);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataFolder)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              // the library turns these off for speed in tests; a platform keeps its data
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      LOG.info(
          () -> "Embedded PostgreSQL started on 127.0.0.1:" + port + ", data in " + dataFolder);
      return new EmbeddedDatabase(postgres);
    } catch (IOException | RuntimeException e) {
      throw new StartupFailure(
          "embedded PostgreSQL in " + dataFolder + " did not start: " + e.getMessage());
    }
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() {
    try {
      postgres.close();
      LOG.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      LOG.warning(() -> "Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }

  private static void requireFreePort(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new StartupFailure(
          "port "
              + port
              + " for the embedded PostgreSQL is in use; free it or set"
              + " PROTOHIVE_DB_EMBEDDED_PORT to another port");
    }
  }

  /**
   * A hard-killed JVM leaves its postmaster running on the data folder, and starting again would
   * silently attach to it. Stop such a leftover first.
   */
  private static void stopStaleServer(Path dataFolder) {
    stalePostmaster(dataFolder)
        .ifPresent(
            process -> {
              LOG.warning(
                  () ->
                      "Stopping PostgreSQL (pid "
                          + process.pid()
                          + ") left running on "
                          + dataFolder
                          + " by an earlier run");
              fastShutdown(process);
              try {
                process.onExit().get(STALE_SERVER_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
              } catch (Exception e) {
                throw new StartupFailure(
                    "PostgreSQL (pid "
                        + process.pid()
                        + ") left running on "
                        + dataFolder
                        + " by an earlier run did not stop; stop it and start again");
              }
            });
  }

  /**
   * Stops a postmaster in "fast" mode (SIGINT), which disconnects its clients: SIGTERM would wait
   * for the connections a pool may still hold, and pg_ctl refuses to run as root.
   */
  private static void fastShutdown(ProcessHandle postmaster) {
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(STALE_SERVER_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (IOException e) {
      postmaster.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<ProcessHandle> stalePostmaster(Path dataFolder) {
    Path pidFile = dataFolder.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      String firstLine = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim();
      return ProcessHandle.of(Long.parseLong(firstLine))
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
