package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agent's long-term memory, offline: what it was told in one conversation comes back in another
 * with the same agent, and never to an agent of another organization or tenant.
 */
@ExtendWith(ArquillianExtension.class)
class MemoryIT {

  private static final Duration RUN = Duration.ofSeconds(30);

  private String[] owner;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void scriptedModel() throws Exception {
    owner = PluginsApi.newTenantAdmin("memory");
    PluginsApi.configure(
        "io.protohive.plugins.llm-scripted",
        "{\"enabled\":true,\"config\":{\"tokenDelayMillis\":\"1\"}}",
        owner);
    Platform.send(
        "PUT",
        "api/v1/tenant/llm-route",
        "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
        owner);
  }

  @Test
  void aFactToldInOneConversationIsRecalledInAnotherButNotElsewhere() throws Exception {
    String[] rocket = organizationAndLead("Rocket", owner);
    talk(owner, conversation(owner, rocket), "Our biggest customer Contoso renews in March.");
    JsonNode later =
        talk(owner, conversation(owner, rocket), "When does our biggest customer renew?");

    JsonNode context = later.get("trace").get(0);
    assertThat(context.get("kind").asText()).isEqualTo("context");
    assertThat(context.get("recalled").toString()).contains("Contoso renews in March");
    assertThat(context.get("system").asText()).contains("Contoso renews in March");

    JsonNode recalled = memory(owner, rocket[1], "Contoso renews");
    assertThat(recalled.get(0).get("content").asText()).contains("Contoso renews in March");

    String[] other = organizationAndLead("Other", owner);
    JsonNode elsewhere =
        talk(owner, conversation(owner, other), "When does our biggest customer renew?");
    assertThat(elsewhere.get("trace").get(0).get("system").asText()).doesNotContain("Contoso");
    assertThat(memory(owner, other[1], "biggest customer renewal").toString())
        .doesNotContain("Contoso");
    String[] stranger = PluginsApi.newTenantAdmin("forgetful");
    HttpResponse<String> foreign =
        Platform.get("api/v1/agents/" + rocket[1] + "/memory?q=customer", stranger);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("Contoso");
  }

  /** An organization from the software-startup template: its id and its lead agent's. */
  private static String[] organizationAndLead(String name, String[] user) throws Exception {
    String organization =
        Platform.json(
                Platform.post(
                    "api/v1/organizations",
                    "{\"name\":\"" + name + "\",\"template\":\"software-startup\"}",
                    user))
            .get("id")
            .asText();
    String lead =
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/agents", user))
            .get("items")
            .get(0)
            .get("id")
            .asText();
    return new String[] {organization, lead};
  }

  private static String conversation(String[] user, String[] organizationAndLead) throws Exception {
    return Platform.json(
            Platform.post(
                "api/v1/conversations",
                "{\"organizationId\":\""
                    + organizationAndLead[0]
                    + "\",\"agentIds\":[\""
                    + organizationAndLead[1]
                    + "\"]}",
                user))
        .get("id")
        .asText();
  }

  /** Says the words and waits for the answer; the finished run. */
  private static JsonNode talk(String[] user, String conversation, String words) throws Exception {
    String run =
        Platform.json(
                Platform.post(
                    "api/v1/conversations/" + conversation + "/messages",
                    "{\"content\":\"" + words + "\"}",
                    user))
            .get("runId")
            .asText();
    await()
        .atMost(RUN)
        .until(
            () ->
                !Platform.json(Platform.get("api/v1/runs/" + run, user))
                    .get("status")
                    .asText()
                    .equals("RUNNING"));
    JsonNode finished = Platform.json(Platform.get("api/v1/runs/" + run, user));
    assertThat(finished.get("status").asText()).as(finished.toString()).isEqualTo("COMPLETED");
    return finished;
  }

  private static JsonNode memory(String[] user, String agent, String query) throws Exception {
    HttpResponse<String> response =
        Platform.get("api/v1/agents/" + agent + "/memory?q=" + query.replace(" ", "+"), user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Platform.json(response).get("items");
  }
}
