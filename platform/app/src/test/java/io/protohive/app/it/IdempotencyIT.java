package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Writes retried with the same Idempotency-Key are done once and answered again; a key is its
 * owner's alone.
 */
@ExtendWith(ArquillianExtension.class)
class IdempotencyIT {

  private static final String KEY = "Idempotency-Key";

  private PluginsApi.TenantAdmin owner;
  private String organization;
  private String agent;
  private String conversation;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void aConversation() throws Exception {
    owner = PluginsApi.newTenantAdminAccount("retry");
    organization =
        Platform.json(
                Platform.post("api/v1/organizations", "{\"name\":\"Retry Inc\"}", owner.bearer()))
            .get("id")
            .asText();
    agent =
        Platform.json(
                Platform.post(
                    "api/v1/organizations/" + organization + "/agents",
                    "{\"name\":\"Echo\",\"role\":\"Listener\"}",
                    owner.bearer()))
            .get("id")
            .asText();
    conversation =
        Platform.json(
                Platform.post(
                    "api/v1/conversations",
                    "{\"organizationId\":\""
                        + organization
                        + "\",\"agentIds\":[\""
                        + agent
                        + "\"]}",
                    owner.bearer()))
            .get("id")
            .asText();
  }

  @Test
  void theSameKeyTwiceGivesOneMessageAndOneRun() throws Exception {
    String key = UUID.randomUUID().toString();
    String messages = "api/v1/conversations/" + conversation + "/messages";

    HttpResponse<String> first =
        Platform.post(messages, "{\"content\":\"Ship it\"}", with(owner.bearer(), KEY, key));
    HttpResponse<String> retried =
        Platform.post(messages, "{ \"content\" : \"Ship it\" }", with(owner.bearer(), KEY, key));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
    assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(retried.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(Platform.json(retried)).isEqualTo(Platform.json(first));
    assertThat(count("message", "author_kind = 'USER'")).isEqualTo(1);
    assertThat(count("agent_run", "true")).isEqualTo(1);

    HttpResponse<String> another =
        Platform.post(messages, "{\"content\":\"Ship it\"}", with(owner.bearer(), KEY, "other"));
    assertThat(another.statusCode()).isEqualTo(202);
    assertThat(count("agent_run", "true")).as("a new key is a new request").isEqualTo(2);
  }

  @Test
  void aKeyUsedForAnotherRequestIsRefusedAndChangesNothing() throws Exception {
    String key = UUID.randomUUID().toString();
    String messages = "api/v1/conversations/" + conversation + "/messages";
    assertThat(
            Platform.post(messages, "{\"content\":\"One\"}", with(owner.bearer(), KEY, key))
                .statusCode())
        .isEqualTo(202);

    HttpResponse<String> reused =
        Platform.post(messages, "{\"content\":\"Two\"}", with(owner.bearer(), KEY, key));

    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(reused.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = Platform.json(reused);
    assertThat(problem.get("status").asInt()).isEqualTo(422);
    assertThat(problem.get("detail").asText()).contains("Idempotency-Key");
    assertThat(reused.body()).doesNotContain("One").doesNotContain("io.protohive");
    assertThat(count("message", "author_kind = 'USER'")).isEqualTo(1);

    HttpResponse<String> tooLong =
        Platform.post(
            messages, "{\"content\":\"Two\"}", with(owner.bearer(), KEY, "k".repeat(256)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(Platform.json(tooLong).get("errors").has(KEY)).isTrue();
  }

  @Test
  void aFailedRequestLeavesItsKeyFreeForTheCorrectedRetry() throws Exception {
    String key = UUID.randomUUID().toString();
    String messages = "api/v1/conversations/" + conversation + "/messages";

    assertThat(
            Platform.post(messages, "{\"content\":\"\"}", with(owner.bearer(), KEY, key))
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> corrected =
        Platform.post(messages, "{\"content\":\"Now\"}", with(owner.bearer(), KEY, key));

    assertThat(corrected.statusCode()).isEqualTo(202);
    assertThat(corrected.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(count("message", "author_kind = 'USER'")).isEqualTo(1);
  }

  @Test
  void retriedCreatesAreDoneOnce() throws Exception {
    String email = "member-" + UUID.randomUUID() + "@example.com";
    String unique = UUID.randomUUID().toString().substring(0, 8);
    assertThat(Accounts.register(email, Accounts.PASSWORD, owner.tenant()).statusCode())
        .isEqualTo(201);
    for (String[] request :
        new String[][] {
          {"api/v1/organizations", "{\"name\":\"Twice " + unique + "\"}"},
          {
            "api/v1/organizations/" + organization + "/tasks", "{\"title\":\"Once " + unique + "\"}"
          },
          {
            "api/v1/organizations/" + organization + "/agents",
            "{\"name\":\"Solo " + unique + "\",\"role\":\"R\"}"
          },
          {
            "api/v1/organizations/" + organization + "/members",
            "{\"email\":\"" + email + "\",\"role\":\"MEMBER\"}"
          },
          {"api/v1/tenant/users", "{\"email\":\"invited-" + UUID.randomUUID() + "@example.com\"}"},
          {
            "api/v1/conversations",
            "{\"organizationId\":\"" + organization + "\",\"agentIds\":[\"" + agent + "\"]}"
          }
        }) {
      String key = UUID.randomUUID().toString();
      HttpResponse<String> first =
          Platform.post(request[0], request[1], with(owner.bearer(), KEY, key));
      HttpResponse<String> retried =
          Platform.post(request[0], request[1], with(owner.bearer(), KEY, key));
      assertThat(first.statusCode()).as(request[0] + ": " + first.body()).isEqualTo(201);
      assertThat(retried.statusCode()).as(request[0] + " retried").isEqualTo(201);
      assertThat(Platform.json(retried)).as(request[0]).isEqualTo(Platform.json(first));
    }
    assertThat(rows("organization where name = 'Twice " + unique + "'")).isEqualTo(1);
    assertThat(rows("task where title = 'Once " + unique + "'")).isEqualTo(1);
    assertThat(rows("agent where name = 'Solo " + unique + "'")).isEqualTo(1);
    assertThat(rows("conversation where organization_id = '" + organization + "'")).isEqualTo(2);
  }

  @Test
  void anotherTenantsPersonWithTheSameKeyNeitherSeesNorReplaysTheAnswer() throws Exception {
    String key = UUID.randomUUID().toString();
    String messages = "api/v1/conversations/" + conversation + "/messages";
    String body = "{\"content\":\"Our secret plan\"}";
    HttpResponse<String> first = Platform.post(messages, body, with(owner.bearer(), KEY, key));
    assertThat(first.statusCode()).isEqualTo(202);
    String[] stranger = PluginsApi.newTenantAdmin("stranger");

    HttpResponse<String> replayAttempt = Platform.post(messages, body, with(stranger, KEY, key));

    assertThat(replayAttempt.statusCode()).isEqualTo(404);
    assertThat(replayAttempt.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(replayAttempt.body()).doesNotContain("secret plan").doesNotContain(conversation);
    HttpResponse<String> own =
        Platform.post(
            "api/v1/organizations", "{\"name\":\"Stranger Co\"}", with(stranger, KEY, key));
    assertThat(own.statusCode()).as("the key is the stranger's own, fresh").isEqualTo(201);
    assertThat(Platform.json(own).get("name").asText()).isEqualTo("Stranger Co");
    assertThat(count("message", "author_kind = 'USER'")).isEqualTo(1);
  }

  /** The rows of the table in the conversation that match. */
  private long count(String table, String where) throws Exception {
    return rows(table + " where conversation_id = '" + conversation + "' and " + where);
  }

  private static long rows(String tableAndCondition) throws Exception {
    return Long.parseLong(PlatformIT.query("select count(*) from " + tableAndCondition));
  }

  private static String[] with(String[] headers, String... more) {
    return Stream.concat(Stream.of(headers), Stream.of(more)).toArray(String[]::new);
  }
}
