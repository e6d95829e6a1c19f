package io.protohive.app.it;

import static io.protohive.app.it.PluginsApi.MISBEHAVING;
import static io.protohive.app.it.PluginsApi.MISBEHAVING_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;

/**
 * Two platform nodes behind a load balancer (the local cluster of {@code bench/cluster.sh}),
 * started once for all these tests and stopped after them: a node's death or a rolling restart
 * costs a person nothing, and what one node changes holds on the other at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String NODE = "PROTOHIVE_NODE";
  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
  private static final Duration PLUGIN_SYNC = Duration.ofSeconds(20);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADA =
      "Our launch is in two weeks and the checklist is long but every item has an owner.";

  private static final LocalCluster cluster = new LocalCluster();

  @BeforeAll
  static void up() throws Exception {
    cluster.up();
  }

  @AfterAll
  static void down() throws Exception {
    cluster.down();
  }

  /**
   * Prometheus reaches each node on its own address; the balancer, which faces people, refuses
   * {@code /metrics} however the path is spelt.
   */
  @Test
  @Order(0)
  void eachNodeServesItsMetricsAndTheBalancerRefusesThem() throws Exception {
    for (int n = 1; n <= 2; n++) {
      String metrics = Metrics.scrape(cluster.node(n).base.resolve("metrics"));
      assertThat(Metrics.value(metrics, "protohive_cluster_members")).as("node " + n).isEqualTo(2);
    }

    String balancer = "http://localhost:" + LocalCluster.BALANCER_PORT;
    for (String path :
        List.of(
            "/metrics",
            "/metrics/application",
            "/METRICS",
            "//metrics",
            "/./metrics",
            "/api/../metrics",
            "/%6detrics",
            "/metrics;x=y")) {
      HttpResponse<String> refused = Metrics.get(URI.create(balancer + path));
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
    }
  }

  @Test
  @Order(1)
  void aDisabledPersonIsRefusedOnBothNodesWithinASecond() throws Exception {
    PluginsApi.TenantAdmin admin = cluster.newTenantAdmin("disabled");
    String email = "worker-" + UUID.randomUUID() + "@example.com";
    assertThat(
            Accounts.register(cluster.balancer, email, Accounts.PASSWORD, admin.tenant())
                .statusCode())
        .isEqualTo(201);
    String[] worker =
        PluginsApi.bearer(Accounts.accessToken(cluster.node(2), email, Accounts.PASSWORD));
    // both nodes have seen the person's token, and may remember it
    HttpResponse<String> me = cluster.node(2).get("api/v1/me", worker);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(cluster.node(1).get("api/v1/me", worker).statusCode()).isEqualTo(200);
    String workerId = Platform.json(me).get("id").asText();

    assertThat(
            cluster
                .node(1)
                .send(
                    "PATCH",
                    "api/v1/tenant/users/" + workerId,
                    "{\"disabled\":true}",
                    admin.bearer())
                .statusCode())
        .isEqualTo(200);

    await()
        .atMost(WITHIN_A_SECOND)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                cluster.node(2).get("api/v1/me", worker).statusCode() == 401
                    && cluster.node(1).get("api/v1/me", worker).statusCode() == 401);
    assertThat(Accounts.login(cluster.node(2), email, Accounts.PASSWORD).statusCode())
        .isNotEqualTo(200);
  }

  @Test
  @Order(2)
  void aPluginUploadedOnOneNodeIsCallableOnTheOther() throws Exception {
    String[] platformAdmin = cluster.platformAdmin();
    PluginsApi.TenantAdmin admin = cluster.newTenantAdmin("cluster-plugin");
    HttpResponse<String> uploaded =
        cluster
            .node(1)
            .multipart(
                "api/v1/plugins",
                MISBEHAVING.getFileName().toString(),
                Files.readAllBytes(MISBEHAVING),
                Map.of(),
                platformAdmin);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);

    Api other = cluster.node(2);
    await()
        .atMost(PLUGIN_SYNC)
        .until(() -> other.get("api/v1/plugins", admin.bearer()).body().contains(MISBEHAVING_ID));
    assertThat(
            other
                .send(
                    "PUT",
                    "api/v1/tenant/plugins/" + MISBEHAVING_ID,
                    "{\"enabled\":true,\"config\":{\"token\":\"t0k\"}}",
                    admin.bearer())
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> organization =
        other.post("api/v1/organizations", "{\"name\":\"Plugins\"}", admin.bearer());
    assertThat(organization.statusCode()).as(organization.body()).isEqualTo(201);
    HttpResponse<String> called =
        other.post(
            "api/v1/tools/misbehaving.check-token/invocations",
            "{\"arguments\":{},\"organizationId\":\""
                + Platform.json(organization).get("id").asText()
                + "\"}",
            admin.bearer());
    assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
    assertThat(Platform.json(called).get("status").asText()).as(called.body()).isEqualTo("OK");
  }

  @Test
  @Order(3)
  void aSignedInBrowserCarriesOnThroughTheOtherNodeWhenItsNodeIsKilled() throws Exception {
    PluginsApi.TenantAdmin person = cluster.newTenantAdmin("failover");
    try (Browser browser = new Browser(cluster.balancer.base)) {
      browser.signIn(person.email(), Accounts.PASSWORD);
      browser.open("organizations");
      browser.waitForSignedIn(person.email());
      int node = nodeOf(browser);

      cluster.kill(node);
      try {
        browser.open("organizations");
        browser.waitForSignedIn(person.email());
        assertThat(browser.driver.getCurrentUrl()).endsWith("/organizations");
        assertThat(nodeOf(browser)).as("answered by the other node").isEqualTo(3 - node);
      } finally {
        cluster.start(node);
      }
    }
  }

  @Test
  @Order(4)
  void aRollingRestartUnderLoadFailsNoRequest() throws Exception {
    PluginsApi.TenantAdmin person = cluster.newTenantAdmin("rolling");
    assertThat(
            cluster
                .balancer
                .post("api/v1/organizations", "{\"name\":\"Rolling\"}", person.bearer())
                .statusCode())
        .isEqualTo(201);
    List<String> failures = new CopyOnWriteArrayList<>();
    List<Integer> answered = new CopyOnWriteArrayList<>();
    AtomicBoolean asking = new AtomicBoolean(true);
    Thread client =
        new Thread(
            () -> {
              while (asking.get()) {
                try {
                  HttpResponse<String> response =
                      cluster.balancer.get("api/v1/organizations", person.bearer());
                  answered.add(response.statusCode());
                  if (response.statusCode() != 200) {
                    failures.add(response.statusCode() + " " + response.body());
                  }
                } catch (Exception e) {
                  failures.add(e.toString());
                }
              }
            },
            "rolling-restart-client");
    client.start();
    try {
      cluster.restart(1);
      cluster.restart(2);
    } finally {
      asking.set(false);
      client.join();
    }

    assertThat(failures).isEmpty();
    assertThat(answered).hasSizeGreaterThan(100);
  }

  @Test
  @Order(5)
  void aTurnAndATaskCutOffByTheirNodesDeathAreFinishedOnceByTheOther() throws Exception {
    Api first = cluster.node(1);
    Api second = cluster.node(2);
    String[] owner = cluster.newTenantAdmin("cut-off").bearer();
    String plan =
        String.join(
            "\n",
            "@Margaret: call: task_comment {\"text\":\"Starting on the stories.\"}",
            "@Margaret: say: The stories are written.",
            "@Ada: say: " + ADA);
    assertThat(
            first
                .send(
                    "PUT",
                    "api/v1/tenant/plugins/io.protohive.plugins.llm-scripted",
                    JSON.writeValueAsString(
                        Map.of(
                            "enabled",
                            true,
                            "config",
                            Map.of("tokenDelayMillis", "1000", "plan", plan))),
                    owner)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            first
                .send(
                    "PUT",
                    "api/v1/tenant/llm-route",
                    "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
                    owner)
                .statusCode())
        .isEqualTo(200);
    String organization =
        Platform.json(
                first.post(
                    "api/v1/organizations",
                    "{\"name\":\"Rocket\",\"template\":\"software-startup\"}",
                    owner))
            .get("id")
            .asText();
    Map<String, String> agents = new HashMap<>();
    for (JsonNode agent :
        Platform.json(first.get("api/v1/organizations/" + organization + "/agents", owner))
            .get("items")) {
      agents.put(agent.get("name").asText(), agent.get("id").asText());
    }
    String conversation =
        Platform.json(
                first.post(
                    "api/v1/conversations",
                    "{\"organizationId\":\""
                        + organization
                        + "\",\"agentIds\":[\""
                        + agents.get("Ada")
                        + "\"]}",
                    owner))
            .get("id")
            .asText();

    // only node 1 works, so the work is under way there when it dies
    cluster.stop(2);
    try {
      HttpResponse<String> posted =
          first.post(
              "api/v1/conversations/" + conversation + "/messages",
              "{\"content\":\"Tell me about the launch\"}",
              owner);
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
      String run = Platform.json(posted).get("runId").asText();
      String task =
          Platform.json(
                  first.post(
                      "api/v1/organizations/" + organization + "/tasks",
                      "{\"title\":\"Write the stories\",\"assigneeAgentId\":\""
                          + agents.get("Margaret")
                          + "\"}",
                      owner))
              .get("id")
              .asText();
      // the task's first step is done, its slow answer and the turn's are streaming
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> task(first, task, owner).get("comments").toString().contains("Starting"));
      assertThat(run(first, run, owner).get("status").asText()).isEqualTo("RUNNING");

      cluster.kill(1);
      cluster.start(2);

      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  task(second, task, owner).get("task").get("status").asText().equals("DONE")
                      && !run(second, run, owner).get("status").asText().equals("RUNNING"));
      assertThat(run(second, run, owner).get("status").asText()).isEqualTo("COMPLETED");
      JsonNode messages =
          Platform.json(second.get("api/v1/conversations/" + conversation + "/messages", owner))
              .get("items");
      assertThat(messages.findValuesAsText("content"))
          .as("the person's message and one whole answer")
          .containsExactly("Tell me about the launch", ADA);
      JsonNode done = task(second, task, owner);
      assertThat(done.get("task").get("result").asText()).isEqualTo("The stories are written.");
      assertThat(done.get("comments").findValuesAsText("content"))
          .containsExactly("Starting on the stories.");
      assertThat(attempts(second, run)).as("the turn, taken over").isEqualTo(2);
      assertThat(attempts(second, task)).as("the task, taken over").isEqualTo(2);
    } finally {
      cluster.start(1);
      cluster.start(2);
    }
  }

  private static JsonNode task(Api api, String task, String[] user) throws Exception {
    return Platform.json(api.get("api/v1/tasks/" + task, user));
  }

  private static JsonNode run(Api api, String run, String[] user) throws Exception {
    return Platform.json(api.get("api/v1/runs/" + run, user));
  }

  /** How often the one job that names {@code id} in its payload was claimed; it must be done. */
  private static int attempts(Api api, String id) throws Exception {
    JsonNode job = null;
    for (JsonNode candidate :
        Platform.json(api.get("api/v1/platform/jobs?limit=200", cluster.platformAdmin()))
            .get("items")) {
      if (candidate.get("payload").asText().contains(id)) {
        assertThat(job).as("one job for " + id).isNull();
        job = candidate;
      }
    }
    assertThat(job).as("a job for " + id).isNotNull();
    assertThat(job.get("status").asText()).isEqualTo("DONE");
    return job.get("attempts").asInt();
  }

  /** The node the balancer keeps the browser on, by its cookie. */
  private static int nodeOf(Browser browser) {
    Cookie cookie = browser.driver.manage().getCookieNamed(NODE);
    assertThat(cookie).as("the balancer's cookie").isNotNull();
    return Integer.parseInt(cookie.getValue().substring("node".length()));
  }
}
