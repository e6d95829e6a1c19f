package io.protohive.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two ways to run a cluster, the local cluster command ({@code bench/cluster.sh}) and the
 * compose file ({@code docker/compose.yaml}), set the same settings and balance the same way, and
 * every setting they use is documented: the compose file cannot run on the build machines, so this
 * is what keeps it in step with the command the tests drive.
 */
class ClusterConfigsTest {

  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("../..");

  private static final Pattern COMPOSE_KEY = Pattern.compile("^\\s+(PROTOHIVE_[A-Z0-9_]+):");
  private static final Pattern ENV_LINE = Pattern.compile("^(PROTOHIVE_[A-Z0-9_]+)=");

  /**
   * What the local cluster sets only because its nodes share one machine: their own ports, and
   * tenants-config in a folder of the command's (the image has it in the server's).
   */
  private static final Set<String> ONE_MACHINE_ONLY =
      Set.of(
          "PROTOHIVE_HTTP_PORT",
          "PROTOHIVE_HTTPS_PORT",
          "PROTOHIVE_HAZELCAST_PORT",
          "PROTOHIVE_TENANTS_DIR");

  @Test
  void theComposeFileSetsWhatTheLocalClusterSets() throws IOException {
    Set<String> local = localClusterSettings();
    local.removeAll(ONE_MACHINE_ONLY);

    assertThat(local)
        .contains(
            "PROTOHIVE_HAZELCAST_MEMBERS",
            "PROTOHIVE_HAZELCAST_INTERFACE",
            "PROTOHIVE_SECRETS_KEY",
            "PROTOHIVE_DB_URL");
    assertThat(composeSettings("docker/compose.yaml")).containsAll(local);
  }

  @Test
  void everySettingEitherUsesIsDocumented() throws IOException {
    String operations = Files.readString(ROOT.resolve("docs/operations.md"));
    Set<String> used = localClusterSettings();
    used.addAll(composeSettings("docker/compose.yaml"));
    used.addAll(composeSettings("docker/compose.s3.yaml"));

    assertThat(used.stream().filter(key -> !operations.contains("`" + key + "`")))
        .as("settings docs/operations.md does not document")
        .isEmpty();
  }

  @Test
  void bothBalancersKeepPeopleOnTheirNodeAskItsReadinessAndRefuseMetrics() throws IOException {
    List<String> local = balancingRules(Files.readString(ROOT.resolve("bench/cluster.sh")));
    List<String> compose = balancingRules(Files.readString(ROOT.resolve("docker/haproxy.cfg")));

    assertThat(local)
        .contains(
            "cookie PROTOHIVE_NODE insert indirect nocache httponly",
            "option httpchk GET /health/ready",
            "http-request del-header upgrade if { req.hdr(upgrade) -i h2c }",
            "http-request deny if { path,url_dec,lower -m reg (^|/)metrics(/|;|$) }");
    assertThat(compose).isEqualTo(local);
  }

  /** The settings the local cluster command writes into each node's {@code server.env}. */
  private static Set<String> localClusterSettings() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String line : Files.readAllLines(ROOT.resolve("bench/cluster.sh"))) {
      Matcher key = ENV_LINE.matcher(line);
      if (key.find()) {
        keys.add(key.group(1));
      }
    }
    return keys;
  }

  private static Set<String> composeSettings(String file) throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String line : Files.readAllLines(ROOT.resolve(file))) {
      Matcher key = COMPOSE_KEY.matcher(line);
      if (key.find()) {
        keys.add(key.group(1));
      }
    }
    return keys;
  }

  /**
   * The rules of the {@code protohive} frontend and the {@code nodes} backend, but for the address
   * the frontend binds and the backend's servers, which differ.
   */
  private static List<String> balancingRules(String config) {
    List<String> lines = config.lines().map(String::strip).toList();
    List<String> rules = new ArrayList<>();
    for (String section : List.of("frontend protohive", "backend nodes")) {
      int start = lines.indexOf(section);
      assertThat(start).as("a section " + section).isNotNegative();
      lines.subList(start + 1, lines.size()).stream()
          .takeWhile(line -> !line.startsWith("server ") && !line.startsWith("backend "))
          .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("bind "))
          .forEach(rules::add);
    }
    return rules;
  }
}
