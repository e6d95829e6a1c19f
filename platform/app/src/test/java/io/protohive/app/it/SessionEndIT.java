package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.protohive.kernel.cluster.ClusterMember;
import io.protohive.kernel.identity.AccountStandings;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ending an account's sessions ends them at once, not when the access token expires: after the
 * account is disabled, its password reset or changed, or it signed out everywhere, a token issued
 * before answers 401 and an open socket closes; a person removed from an organization stops
 * receiving its events.
 */
@ExtendWith(ArquillianExtension.class)
class SessionEndIT {

  private PluginsApi.TenantAdmin admin;
  private String workerEmail;
  private String[] worker;
  private String workerId;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void aTenantWithAWorker() throws Exception {
    admin = PluginsApi.newTenantAdminAccount("sessions");
    workerEmail = "worker-" + UUID.randomUUID() + "@example.com";
    assertThat(Accounts.register(workerEmail, Accounts.PASSWORD, admin.tenant()).statusCode())
        .isEqualTo(201);
    worker = signIn(workerEmail, Accounts.PASSWORD);
    HttpResponse<String> me = Platform.get("api/v1/me", worker);
    assertThat(me.statusCode()).isEqualTo(200);
    workerId = Platform.json(me).get("id").asText();
  }

  @Test
  void aDisabledAccountsStillUnexpiredTokenIsRefused() throws Exception {
    assertThat(disable(workerId).statusCode()).isEqualTo(200);

    assertSessionEnded(Platform.get("api/v1/me", worker));
    assertThat(Platform.get("api/v1/me", admin.bearer()).statusCode()).isEqualTo(200);
  }

  @Test
  void aStandingForgedInTheClusterAdmitsNoDisabledAccount() throws Exception {
    long generation =
        new ObjectMapper()
            .readTree(
                new String(
                    Base64.getUrlDecoder().decode(token(worker).split("\\.")[1]),
                    StandardCharsets.UTF_8))
            .get("session_generation")
            .asLong();
    assertThat(disable(workerId).statusCode()).isEqualTo(200);
    ClientConfig config = new ClientConfig();
    config.setClusterName(ClusterMember.CLUSTER_NAME);
    config.getNetworkConfig().addAddress("127.0.0.1:" + System.getProperty("it.hazelcast.port"));
    config.setProperty("hazelcast.logging.type", "jdk");
    HazelcastInstance intruder = HazelcastClient.newHazelcastClient(config);
    try {
      IMap<UUID, Object> standings = intruder.getMap(AccountStandings.MAP);
      UUID account = UUID.fromString(workerId);
      // what an entry admitting the old token looked like, and one shaped as today's
      for (Object forged :
          List.<Object>of(generation * 2, generation * 2 + "/9999999999~" + "A".repeat(43))) {
        standings.set(account, forged);

        assertSessionEnded(Platform.get("api/v1/me", worker));
      }
    } finally {
      intruder.shutdown();
    }
  }

  /**
   * Whoever reads the cluster's map can keep a copy of an account's signed standing: put back after
   * the account is disabled, it admits the old token, but for a minute at most.
   */
  @Test
  void anEarlierStandingPutBackInTheClusterAdmitsADisabledAccountForAMinuteAtMost()
      throws Exception {
    try (OtherNode intruder = new OtherNode()) {
      IMap<UUID, Object> standings = intruder.hazelcast().getMap(AccountStandings.MAP);
      UUID account = UUID.fromString(workerId);
      Object earlier = standings.get(account);
      assertThat(earlier).isNotNull();
      assertThat(disable(workerId).statusCode()).isEqualTo(200);
      assertSessionEnded(Platform.get("api/v1/organizations", worker));

      // signed by the platform, and not run out
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                standings.set(account, earlier);
                return Platform.get("api/v1/organizations", worker).statusCode() == 200;
              });

      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                standings.set(account, earlier);
                return Platform.get("api/v1/organizations", worker).statusCode() == 401;
              });
      assertSessionEnded(Platform.get("api/v1/organizations", worker));
    }
  }

  @Test
  void signingOutEverywhereEndsTheAccessTokenToo() throws Exception {
    assertThat(Platform.post("api/v1/auth/logout-everywhere", "", worker).statusCode())
        .isEqualTo(204);

    assertSessionEnded(Platform.get("api/v1/me", worker));
  }

  @Test
  void aPasswordChangeEndsTheOldTokenAndTheNewSignInWorks() throws Exception {
    String newPassword = "another horse battery staple";
    assertThat(
            Platform.post(
                    "api/v1/me/password",
                    "{\"currentPassword\":\""
                        + Accounts.PASSWORD
                        + "\",\"newPassword\":\""
                        + newPassword
                        + "\"}",
                    worker)
                .statusCode())
        .isEqualTo(204);

    assertSessionEnded(Platform.get("api/v1/me", worker));
    String[] renewed = signIn(workerEmail, newPassword);
    assertThat(Platform.get("api/v1/me", renewed).statusCode()).isEqualTo(200);
  }

  @Test
  void aTokenWhoseSessionsEndedOpensNoSocketAsItCallsNoApi() throws Exception {
    assertThat(Platform.post("api/v1/auth/logout-everywhere", "", worker).statusCode())
        .isEqualTo(204);

    assertSessionEnded(Platform.get("api/v1/me", worker));
    SocketIT.Frames socket = SocketIT.connect(token(worker));
    assertThat(socket.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1008);
  }

  @Test
  void anOpenSocketClosesWhenTheAccountIsDisabled() throws Exception {
    SocketIT.Frames socket = SocketIT.connect(token(worker));
    socket.send("{\"type\":\"subscribe\",\"organizationId\":\"not-an-id\"}");
    assertThat(socket.next().get("type").asText()).isEqualTo("error");

    assertThat(disable(workerId).statusCode()).isEqualTo(200);

    assertThat(socket.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1008);
  }

  @Test
  void aPersonRemovedFromAnOrganizationStopsReceivingItsEvents() throws Exception {
    String organization =
        Platform.json(Platform.post("api/v1/organizations", "{\"name\":\"Desk\"}", admin.bearer()))
            .get("id")
            .asText();
    assertThat(
            Platform.post(
                    "api/v1/organizations/" + organization + "/members",
                    "{\"email\":\"" + workerEmail + "\",\"role\":\"MEMBER\"}",
                    admin.bearer())
                .statusCode())
        .isEqualTo(201);
    SocketIT.Frames removed = SocketIT.connect(token(worker));
    removed.send("{\"type\":\"subscribe\",\"organizationId\":\"" + organization + "\"}");
    assertThat(removed.next().get("type").asText()).isEqualTo("subscribed");
    SocketIT.Frames staying = SocketIT.connect(token(admin.bearer()));
    staying.send("{\"type\":\"subscribe\",\"organizationId\":\"" + organization + "\"}");
    assertThat(staying.next().get("type").asText()).isEqualTo("subscribed");

    assertThat(
            Platform.send(
                    "DELETE",
                    "api/v1/organizations/" + organization + "/members/" + workerId,
                    null,
                    admin.bearer())
                .statusCode())
        .isEqualTo(204);
    JsonNode ended = removed.next();
    assertThat(ended.get("type").asText()).isEqualTo("unsubscribed");
    assertThat(ended.get("organizationId").asText()).isEqualTo(organization);

    Platform.post(
        "api/v1/organizations/" + organization + "/tasks",
        "{\"title\":\"Only for members\"}",
        admin.bearer());
    assertThat(staying.next().get("type").asText()).isEqualTo("task.updated");
    assertThat(removed.received).as("no event of the organization after leaving it").isEmpty();
    removed.close();
    staying.close();
  }

  private HttpResponse<String> disable(String userId) throws Exception {
    return Platform.send(
        "PATCH", "api/v1/tenant/users/" + userId, "{\"disabled\":true}", admin.bearer());
  }

  private static void assertSessionEnded(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(Platform.json(response).get("detail").asText())
        .isEqualTo("Your session has ended; sign in again.");
  }

  private static String[] signIn(String email, String password) throws Exception {
    HttpResponse<String> response = Accounts.login(email, password);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return PluginsApi.bearer(Platform.json(response).get("accessToken").asText());
  }

  private static String token(String[] bearer) {
    return bearer[1].substring("Bearer ".length());
  }
}
