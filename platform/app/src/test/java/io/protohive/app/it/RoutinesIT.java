package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Routines on a clock the test sets ({@link TestRoutineClock}, in this deployment only): a weekly
 * schedule fires once when due and not again; schedules that are invalid or too frequent are
 * refused; the inbound webhook takes only calls signed with the routine's secret, recently, once.
 */
@ExtendWith(ArquillianExtension.class)
class RoutinesIT {

  private Team team;
  private String agentId;

  @Deployment(testable = false)
  static WebArchive deployment() {
    // the WAR's own classes are no bean archive until a beans.xml says so
    return Platform.war()
        .addClasses(
            TestRoutineClock.class, TestRoutineClockDoor.class, TestRoutineClockApplication.class)
        .addAsWebInfResource(
            new StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                    + " bean-discovery-mode=\"annotated\"/>"),
            "beans.xml");
  }

  @BeforeEach
  void organization() throws Exception {
    team = Team.of("routines", "disk");
    agentId =
        Platform.json(
                send(
                    team.owner,
                    "POST",
                    "api/v1/organizations/" + team.organization + "/agents",
                    "{\"name\":\"Reporter\",\"role\":\"Analyst\",\"persona\":\"Writes reports\"}"))
            .get("id")
            .asText();
  }

  @Test
  void aWeeklyRoutineCreatesItsTaskOnceWhenDue() throws Exception {
    JsonNode created =
        create(
            "{\"name\":\"Weekly report\",\"agentId\":\""
                + agentId
                + "\","
                + "\"titleTemplate\":\"Weekly report {{date}}\","
                + "\"descriptionTemplate\":\"Summarize the week's tasks.\",\"cron\":\"0 9 * * 1\"}");
    String routineId = created.get("routine").get("id").asText();
    Instant due = Instant.parse(created.get("routine").get("nextRunAt").asText());
    assertThat(due.atZone(java.time.ZoneOffset.UTC).getDayOfWeek())
        .isEqualTo(java.time.DayOfWeek.MONDAY);
    assertThat(due.atZone(java.time.ZoneOffset.UTC).getHour()).isEqualTo(9);

    setClock(due.minus(Duration.ofMinutes(1)));
    assertThat(titles()).isEmpty();

    setClock(due.plus(Duration.ofMinutes(1)));
    setClock(due.plus(Duration.ofMinutes(2)));
    setClock(due.plus(Duration.ofHours(1)));
    String title = "Weekly report " + due.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    assertThat(titles()).containsExactly(title);
    JsonNode runs =
        Platform.json(send(team.owner, "GET", "api/v1/routines/" + routineId + "/runs", null));
    assertThat(runs.get("items").size()).isEqualTo(1);
    JsonNode run = runs.get("items").get(0);
    assertThat(run.get("trigger").asText()).isEqualTo("SCHEDULE");
    assertThat(Instant.parse(run.get("dueAt").asText())).isEqualTo(due);
    JsonNode task =
        Platform.json(send(team.owner, "GET", "api/v1/tasks/" + run.get("taskId").asText(), null));
    assertThat(task.get("task").get("assigneeAgentId").asText()).isEqualTo(agentId);

    JsonNode routine = Platform.json(send(team.owner, "GET", "api/v1/routines/" + routineId, null));
    assertThat(Instant.parse(routine.get("nextRunAt").asText()))
        .isEqualTo(due.plus(Duration.ofDays(7)));

    // paused, it does not fire when due; resumed, it fires at the next due time once
    assertThat(
            send(team.owner, "PATCH", "api/v1/routines/" + routineId, "{\"enabled\":false}")
                .statusCode())
        .isEqualTo(200);
    setClock(due.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
    assertThat(titles()).containsExactly(title);
  }

  @Test
  void invalidAndTooFrequentSchedulesAreRefused() throws Exception {
    String routines = "api/v1/organizations/" + team.organization + "/routines";
    for (String cron :
        new String[] {"not a cron", "61 * * * *", "* * * * *", "*/2 * * * *", "0,1 9 * * *"}) {
      HttpResponse<String> refused = send(team.owner, "POST", routines, routine("Too eager", cron));
      assertThat(refused.statusCode()).as(cron + ": " + refused.body()).isEqualTo(422);
      assertThat(refused.body()).contains(cron);
    }
    assertThat(send(team.owner, "POST", routines, routine("Often", "* * * * *")).body())
        .contains("minimum interval");
    assertThat(
            send(team.owner, "POST", routines, routine("Every five", "*/5 * * * *")).statusCode())
        .isEqualTo(201);
    assertThat(
            send(team.member, "POST", routines, routine("Not mine to make", "0 9 * * 1"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void theInboundWebhookFiresOnlyForARecentCallSignedWithTheRoutinesSecret() throws Exception {
    JsonNode created =
        create(
            "{\"name\":\"On deploy\",\"agentId\":\""
                + agentId
                + "\","
                + "\"titleTemplate\":\"Check the deploy\"}");
    String routineId = created.get("routine").get("id").asText();
    String secret = created.get("secret").asText();
    assertThat(created.get("triggerPath").asText())
        .isEqualTo("/api/v1/routines/" + routineId + "/trigger");
    String trigger = "api/v1/routines/" + routineId + "/trigger";
    String body = "{\"release\":\"v2.4.1\"}";
    long now = Instant.now().getEpochSecond();

    String id = "msg_" + UUID.randomUUID();
    HttpResponse<String> forged =
        call(
            trigger,
            id,
            now,
            sign("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), id, now, body),
            body);
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    HttpResponse<String> tampered =
        call(trigger, id, now, sign(secret, id, now, body), "{\"release\":\"evil\"}");
    assertThat(tampered.statusCode()).isEqualTo(403);
    long stale = now - Duration.ofMinutes(10).toSeconds();
    HttpResponse<String> replayedTimestamp =
        call(trigger, id, stale, sign(secret, id, stale, body), body);
    assertThat(replayedTimestamp.statusCode()).isEqualTo(403);
    assertThat(replayedTimestamp.body()).contains("5 minutes");
    assertThat(Platform.send("POST", trigger, body).statusCode()).as("unsigned").isEqualTo(403);
    assertThat(titles()).isEmpty();

    HttpResponse<String> accepted = call(trigger, id, now, sign(secret, id, now, body), body);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String taskId = Platform.json(accepted).get("taskId").asText();
    JsonNode task =
        Platform.json(send(team.owner, "GET", "api/v1/tasks/" + taskId, null)).get("task");
    assertThat(task.get("title").asText()).isEqualTo("Check the deploy");
    assertThat(task.get("description").asText()).contains("v2.4.1");

    HttpResponse<String> replayed = call(trigger, id, now, sign(secret, id, now, body), body);
    assertThat(replayed.statusCode()).isEqualTo(409);
    assertThat(
            call(
                    "api/v1/routines/" + UUID.randomUUID() + "/trigger",
                    id,
                    now,
                    sign(secret, id, now, body),
                    body)
                .statusCode())
        .isEqualTo(404);
    assertThat(titles()).containsExactly("Check the deploy");

    // a member runs it through the API
    HttpResponse<String> ran =
        send(team.member, "POST", "api/v1/routines/" + routineId + "/runs", null);
    assertThat(ran.statusCode()).as(ran.body()).isEqualTo(201);
    assertThat(titles()).containsExactly("Check the deploy", "Check the deploy");
  }

  private JsonNode create(String json) throws Exception {
    HttpResponse<String> created =
        send(team.owner, "POST", "api/v1/organizations/" + team.organization + "/routines", json);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created);
  }

  private String routine(String name, String cron) {
    return "{\"name\":\""
        + name
        + "\",\"agentId\":\""
        + agentId
        + "\",\"titleTemplate\":\""
        + name
        + "\",\"cron\":\""
        + cron
        + "\"}";
  }

  private java.util.List<String> titles() throws Exception {
    return Platform.json(
            send(team.owner, "GET", "api/v1/organizations/" + team.organization + "/tasks", null))
        .get("items")
        .findValuesAsText("title");
  }

  private static void setClock(Instant now) throws Exception {
    HttpResponse<String> set =
        Platform.send(
            "PUT",
            "api/test/routine-clock?now="
                + URLEncoder.encode(now.toString(), StandardCharsets.UTF_8),
            null);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
  }

  private static HttpResponse<String> call(
      String path, String id, long timestamp, String signature, String body) throws Exception {
    return Platform.send(
        "POST",
        path,
        body,
        "webhook-id",
        id,
        "webhook-timestamp",
        Long.toString(timestamp),
        "webhook-signature",
        signature);
  }

  /** As a sender following the Standard Webhooks specification signs, written from it. */
  private static String sign(String secret, String id, long timestamp, String body)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    return "v1,"
        + Base64.getEncoder()
            .encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> send(String[] who, String method, String path, String json)
      throws Exception {
    return Platform.send(method, path, json, who);
  }
}
