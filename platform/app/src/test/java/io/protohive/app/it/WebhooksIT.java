package io.protohive.app.it;

import static io.protohive.app.it.WebhookReceiver.sign;
import static io.protohive.app.it.WebhookReceiver.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protohive.app.it.WebhookReceiver.Received;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound webhooks against a receiver of the test's own on loopback (reached as {@code localhost},
 * which the test server's operator allows): signed as the Standard Webhooks specification says,
 * retried after failures, logged attempt by attempt, and sent again on demand; targets at private
 * addresses refused.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

  private WebhookReceiver receiver;
  private List<Received> received;
  private Team team;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void receive() throws Exception {
    receiver = new WebhookReceiver();
    received = receiver.received;
    team = Team.of("webhooks", "disk");
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void aTaskEventIsSignedRetriedAfterFailuresLoggedAndRedelivered() throws Exception {
    HttpResponse<String> created =
        send(
            team.owner,
            "POST",
            "api/v1/organizations/" + team.organization + "/webhooks",
            "{\"url\":\""
                + target()
                + "\",\"eventTypes\":[\"task.created\",\"task.completed\"],"
                + "\"description\":\"Our ticket system\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode webhook = Platform.json(created);
    String secret = webhook.get("secret").asText();
    String webhookId = webhook.get("webhook").get("id").asText();
    assertThat(secret).startsWith("whsec_");
    assertThat(send(team.owner, "GET", "api/v1/webhooks/" + webhookId, null).body())
        .doesNotContain(secret);

    receiver.fail(2);
    String taskId =
        Platform.json(
                send(
                    team.owner,
                    "POST",
                    "api/v1/organizations/" + team.organization + "/tasks",
                    "{\"title\":\"Ship the release notes\"}"))
            .get("id")
            .asText();

    await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 3);
    assertThat(received).extracting(Received::id).containsOnly(received.get(0).id());
    for (Received request : received) {
      assertThat(verified(secret, request)).as(request.toString()).isTrue();
      assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.timestamp())))
          .isLessThan(300);
    }
    JsonNode event = new ObjectMapper().readTree(received.get(2).body());
    assertThat(event.get("type").asText()).isEqualTo("task.created");
    assertThat(event.get("data").get("id").asText()).isEqualTo(taskId);
    assertThat(event.get("data").get("title").asText()).isEqualTo("Ship the release notes");

    JsonNode delivery =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> onlyDelivery(webhookId), d -> d.get("status").asText().equals("DELIVERED"));
    assertThat(delivery.get("messageId").asText()).isEqualTo(received.get(0).id());
    assertThat(delivery.get("attempts").findValuesAsText("statusCode"))
        .containsExactly("500", "500", "200");
    assertThat(delivery.get("attempts").findValuesAsText("attempt")).containsExactly("1", "2", "3");
    assertThat(delivery.get("attempts").get(0).get("error").asText()).contains("500");

    // a forged signature, one made with another secret, does not verify
    Received forged =
        new Received(
            received.get(0).id(),
            received.get(0).timestamp(),
            sign("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), received.get(0)),
            received.get(0).body());
    assertThat(verified(secret, forged)).isFalse();

    HttpResponse<String> again =
        send(
            team.owner,
            "POST",
            "api/v1/webhooks/"
                + webhookId
                + "/deliveries/"
                + delivery.get("id").asText()
                + "/redeliver",
            null);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 4);
    assertThat(received.get(3).id()).isEqualTo(received.get(0).id());
    assertThat(verified(secret, received.get(3))).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> onlyDelivery(webhookId).get("attempts").size() == 4);

    // rotated: the old secret signs nothing any more
    String rotated =
        Platform.json(send(team.owner, "POST", "api/v1/webhooks/" + webhookId + "/secret", null))
            .get("secret")
            .asText();
    assertThat(rotated).isNotEqualTo(secret);
    assertThat(
            send(team.owner, "PATCH", "api/v1/tasks/" + taskId, "{\"status\":\"DONE\"}")
                .statusCode())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 5);
    Received completed = received.get(4);
    assertThat(completed.body()).contains("\"type\":\"task.completed\"");
    assertThat(verified(rotated, completed)).isTrue();
    assertThat(verified(secret, completed)).isFalse();
    Platform.assertNotLogged(rotated);
  }

  @Test
  void targetsAtPrivateAddressesAndWrongInputAreRefused() throws Exception {
    String webhooks = "api/v1/organizations/" + team.organization + "/webhooks";
    for (String url :
        List.of(
            "http://127.0.0.1:" + receiver.port() + "/hook",
            "http://10.1.2.3/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/hook",
            "file:///etc/passwd")) {
      HttpResponse<String> refused =
          send(
              team.owner,
              "POST",
              webhooks,
              "{\"url\":\"" + url + "\",\"eventTypes\":[\"task.created\"]}");
      assertThat(refused.statusCode()).as(url + ": " + refused.body()).isEqualTo(422);
      assertThat(refused.body()).contains("Refused");
    }
    assertThat(
            send(
                    team.owner,
                    "POST",
                    webhooks,
                    "{\"url\":\"" + target() + "\",\"eventTypes\":[\"task.exploded\"]}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            send(
                    team.member,
                    "POST",
                    webhooks,
                    "{\"url\":\"" + target() + "\",\"eventTypes\":[\"task.created\"]}")
                .statusCode())
        .as("a member who is no admin")
        .isEqualTo(403);
    String webhookId =
        Platform.json(
                send(
                    team.owner,
                    "POST",
                    webhooks,
                    "{\"url\":\"" + target() + "\",\"eventTypes\":[\"task.created\"]}"))
            .get("webhook")
            .get("id")
            .asText();
    assertThat(
            send(
                    team.owner,
                    "PATCH",
                    "api/v1/webhooks/" + webhookId,
                    "{\"url\":\"http://192.168.0.1/hook\"}")
                .statusCode())
        .isEqualTo(422);
    assertThat(send(team.member, "GET", "api/v1/webhooks/" + webhookId, null).statusCode())
        .isEqualTo(403);
    assertThat(received).isEmpty();
  }

  private JsonNode onlyDelivery(String webhookId) throws Exception {
    JsonNode items =
        Platform.json(send(team.owner, "GET", "api/v1/webhooks/" + webhookId + "/deliveries", null))
            .get("items");
    assertThat(items.size()).isEqualTo(1);
    return items.get(0);
  }

  private static HttpResponse<String> send(String[] who, String method, String path, String json)
      throws Exception {
    return Platform.send(method, path, json, who);
  }

  private String target() {
    return receiver.url();
  }
}
