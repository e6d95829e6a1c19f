package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local cluster of {@code bench/cluster.sh}, on ports, a database and a folder of its own so
 * that it runs beside the integration-test server: two nodes (9281 and 9282, Hazelcast 5711 and
 * 5712) behind HAProxy on 9280, on the machine's PostgreSQL. Each start begins from an empty
 * database and folder. It fails, never skips, where HAProxy or PostgreSQL is missing.
 */
final class LocalCluster {

  static final int BALANCER_PORT = 9280;
  static final String DATABASE = "protohive_cluster_it";
  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres";

  final Api balancer = new Api(URI.create("http://localhost:" + BALANCER_PORT + "/"));

  private final Path repository = Path.of(System.getProperty("it.repository.root"));
  private final Path folder =
      Path.of(System.getProperty("it.data.dir")).resolveSibling("cluster-it");
  private final Path log = folder.resolveSibling("cluster-it.log");

  /** Node {@code n} (1 or 2), asked directly rather than through the balancer. */
  Api node(int n) {
    return new Api(URI.create("http://localhost:" + (BALANCER_PORT + n) + "/"));
  }

  void up() throws Exception {
    down();
    try (Connection database = DriverManager.getConnection(POSTGRES, "postgres", "");
        Statement statement = database.createStatement()) {
      statement.execute("drop database if exists " + DATABASE + " with (force)");
    }
    deleteFolder();
    run("up");
  }

  void down() throws Exception {
    run("down");
  }

  /** Kills node {@code n} at once, as a crash would. */
  void kill(int n) throws Exception {
    run("kill", String.valueOf(n));
  }

  void start(int n) throws Exception {
    run("start", String.valueOf(n));
  }

  /** Stops node {@code n} gracefully, drained at the balancer first. */
  void stop(int n) throws Exception {
    run("stop", String.valueOf(n));
  }

  /** Drains node {@code n}, stops it gracefully and starts it again. */
  void restart(int n) throws Exception {
    run("restart", String.valueOf(n));
  }

  /** The bearer header of the platform admin the first node created. */
  String[] platformAdmin() throws Exception {
    String password = Files.readString(folder.resolve("node1/initial-admin-password")).strip();
    return PluginsApi.bearer(Accounts.accessToken(balancer, Accounts.PLATFORM_ADMIN, password));
  }

  /** A new tenant with one admin, made through the balancer; that admin. */
  PluginsApi.TenantAdmin newTenantAdmin(String prefix) throws Exception {
    String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    String email = prefix + "-" + UUID.randomUUID() + "@example.com";
    HttpResponse<String> tenant =
        balancer.post(
            "api/v1/platform/tenants",
            "{\"slug\":\""
                + slug
                + "\",\"name\":\""
                + prefix
                + "\",\"selfSignup\":true,\"emailVerification\":false,\"admins\":[\""
                + email
                + "\"]}",
            platformAdmin());
    assertThat(tenant.statusCode()).as(tenant.body()).isEqualTo(201);
    HttpResponse<String> registered = Accounts.register(balancer, email, Accounts.PASSWORD, slug);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return new PluginsApi.TenantAdmin(
        email, PluginsApi.bearer(Accounts.accessToken(balancer, email, Accounts.PASSWORD)), slug);
  }

  private void run(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "bench/cluster.sh"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(repository.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> environment = builder.environment();
    environment.put("PROTOHIVE_CLUSTER_PORT", String.valueOf(BALANCER_PORT));
    environment.put("PROTOHIVE_CLUSTER_HTTPS_PORT", "9643");
    environment.put("PROTOHIVE_CLUSTER_HAZELCAST_PORT", "5710");
    environment.put("PROTOHIVE_CLUSTER_DB", DATABASE);
    environment.put("PROTOHIVE_CLUSTER_DIR", folder.toString());
    // the tests sign up from one address and ask as fast as they can; a dead node's job is
    // taken over soon enough for a test to wait for it
    environment.put("PROTOHIVE_RATE_LIMIT_ADDRESS", "100000");
    environment.put("PROTOHIVE_RATE_LIMIT_USER", "100000");
    environment.put("PROTOHIVE_RATE_LIMIT_TENANT", "100000");
    environment.put("PROTOHIVE_JOBS_LEASE", "PT3S");
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("bench/cluster.sh " + String.join(" ", arguments) + " hangs");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "bench/cluster.sh "
              + String.join(" ", arguments)
              + " failed; see "
              + log
              + ":\n"
              + tail());
    }
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private void deleteFolder() throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    // symbolic links are deleted, never followed
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
