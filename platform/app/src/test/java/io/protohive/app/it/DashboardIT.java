package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A person's home page through GET /api/v1/me/dashboard: their organizations and the agents at
 * work, unread conversations, their tasks, the approvals they may decide, a tenant admin's spend,
 * and nothing of anyone else's.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WORK = Duration.ofSeconds(60);
  private static final String DASHBOARD = "api/v1/me/dashboard";

  private String tenant;
  private String[] owner;
  private String ownerId;
  private String organization;
  private final Map<String, String> agents = new HashMap<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void startupOrganization() throws Exception {
    String email = "home-" + UUID.randomUUID() + "@example.com";
    tenant = Accounts.tenant("home", false, email);
    ownerId = Platform.json(Accounts.register(email, Accounts.PASSWORD, tenant)).get("id").asText();
    owner = bearer(email);
    for (String plugin : new String[] {"io.protohive.plugins.llm-scripted", PluginsApi.CLOCK_ID}) {
      assertThat(PluginsApi.configure(plugin, "{\"enabled\":true}", owner).statusCode())
          .isEqualTo(200);
    }
    Platform.send(
        "PUT",
        "api/v1/tenant/llm-route",
        "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
        owner);
    organization =
        Platform.json(
                Platform.post(
                    "api/v1/organizations",
                    "{\"name\":\"Rocket\",\"template\":\"software-startup\"}",
                    owner))
            .get("id")
            .asText();
    for (JsonNode agent :
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/agents", owner))
            .get("items")) {
      agents.put(agent.get("name").asText(), agent.get("id").asText());
    }
  }

  @Test
  void anAgentAtWorkShowsWhileItWorksAndItsAnswerIsNewUntilRead() throws Exception {
    scripted(Map.of("tokenDelayMillis", "500"));
    String conversation = conversation(agents.get("Ada"));
    String slow = post(conversation, "say something long and slow");

    await().atMost(WORK).until(() -> atWork().findValuesAsText("name").contains("Ada"));
    JsonNode ada = atWork().get(0);
    assertThat(ada.get("conversationId").asText()).isEqualTo(conversation);
    assertThat(Platform.post("api/v1/runs/" + slow + "/stop", "", owner).statusCode())
        .isEqualTo(200);
    awaitRun(slow);
    assertThat(atWork()).isEmpty();
    assertThat(dashboard(owner).get("unreadConversations"))
        .as("a person's own message is not news to them")
        .isEmpty();

    scripted(Map.of("tokenDelayMillis", "1"));
    awaitRun(post(conversation, "Hello Ada"));
    JsonNode unread = dashboard(owner).get("unreadConversations");
    assertThat(unread).hasSize(1);
    assertThat(unread.get(0).get("id").asText()).isEqualTo(conversation);
    assertThat(unread.get(0).get("organizationId").asText()).isEqualTo(organization);
    assertThat(unread.get(0).get("newMessages").asLong()).isEqualTo(1);

    assertThat(
            Platform.get("api/v1/conversations/" + conversation + "/messages", owner).statusCode())
        .isEqualTo(200);
    assertThat(dashboard(owner).get("unreadConversations")).isEmpty();
  }

  @Test
  void tasksApprovalsAndSpendShowForThoseWhoMaySeeThem() throws Exception {
    String mine = task("{\"title\":\"Mine to do\",\"assigneeUserId\":\"" + ownerId + "\"}");
    String asked = task("{\"title\":\"Asked for\"}");
    String finished = task("{\"title\":\"Finished\",\"assigneeUserId\":\"" + ownerId + "\"}");
    Platform.send("PATCH", "api/v1/tasks/" + finished, "{\"status\":\"DONE\"}", owner);
    Platform.send("PUT", "api/v1/tenant/approval-tools", "{\"toolIds\":[\"clock.now\"]}", owner);
    scripted(Map.of("tokenDelayMillis", "1", "plan", "@Linus: call: clock_now {}"));
    String held =
        task("{\"title\":\"Tell the time\",\"assigneeAgentId\":\"" + agents.get("Linus") + "\"}");
    await()
        .atMost(WORK)
        .until(() -> dashboard(owner).get("approvals").findValuesAsText("taskId").contains(held));
    Platform.send(
        "PUT",
        "api/v1/tenant/budgets",
        "{\"scope\":\"TENANT\",\"unit\":\"TOKENS\",\"amount\":1000000}",
        owner);

    JsonNode home = dashboard(owner);
    assertThat(home.get("assignedTasks").findValuesAsText("id")).containsExactly(mine);
    assertThat(home.get("reportedTasks").findValuesAsText("id"))
        .contains(mine, asked, held)
        .doesNotContain(finished);
    JsonNode approval = home.get("approvals").get(0);
    assertThat(approval.get("toolId").asText()).isEqualTo("clock.now");
    assertThat(approval.get("agentName").asText()).isEqualTo("Linus");
    assertThat(approval.get("organizationId").asText()).isEqualTo(organization);
    JsonNode spend = home.get("spend");
    assertThat(spend.get("calls").asLong()).isPositive();
    assertThat(spend.get("tokens").asLong()).isPositive();
    assertThat(spend.get("budgets").findValuesAsText("scope")).containsExactly("TENANT");
    assertThat(spend.get("budgets").get(0).get("amount").asLong()).isEqualTo(1000000);

    String memberEmail = "member-" + UUID.randomUUID() + "@example.com";
    Accounts.register(memberEmail, Accounts.PASSWORD, tenant);
    String[] member = bearer(memberEmail);
    assertThat(dashboard(member).get("organizations"))
        .as("a person of the tenant outside the organization sees nothing of it")
        .isEmpty();
    assertThat(dashboard(member).get("approvals")).isEmpty();
    Platform.post(
        "api/v1/organizations/" + organization + "/members",
        "{\"email\":\"" + memberEmail + "\",\"role\":\"MEMBER\"}",
        owner);
    JsonNode memberHome = dashboard(member);
    assertThat(memberHome.get("organizations").findValuesAsText("id"))
        .containsExactly(organization);
    assertThat(memberHome.get("approvals")).as("members do not decide approvals").isEmpty();
    assertThat(memberHome.get("assignedTasks")).isEmpty();
    assertThat(memberHome.has("spend") && !memberHome.get("spend").isNull())
        .as("only tenant admins see the spend")
        .isFalse();
  }

  @Test
  void nothingOfAnotherTenantShows() throws Exception {
    task("{\"title\":\"Secret plans\",\"assigneeUserId\":\"" + ownerId + "\"}");
    awaitRun(post(conversation(agents.get("Ada")), "Secret chat"));

    String[] stranger = PluginsApi.newTenantAdmin("stranger");
    HttpResponse<String> response = Platform.get(DASHBOARD, stranger);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode home = Platform.json(response);
    assertThat(home.get("organizations")).isEmpty();
    assertThat(home.get("unreadConversations")).isEmpty();
    assertThat(home.get("assignedTasks")).isEmpty();
    assertThat(home.get("reportedTasks")).isEmpty();
    assertThat(home.get("approvals")).isEmpty();
    assertThat(response.body()).doesNotContain("Rocket", "Secret");
    assertThat(Platform.get(DASHBOARD).statusCode()).isEqualTo(401);
  }

  private JsonNode atWork() throws Exception {
    return dashboard(owner).get("organizations").get(0).get("agentsAtWork");
  }

  private static JsonNode dashboard(String[] who) throws Exception {
    HttpResponse<String> response = Platform.get(DASHBOARD, who);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Platform.json(response);
  }

  private void scripted(Map<String, String> config) throws Exception {
    assertThat(
            PluginsApi.configure(
                    "io.protohive.plugins.llm-scripted",
                    JSON.writeValueAsString(Map.of("enabled", true, "config", config)),
                    owner)
                .statusCode())
        .isEqualTo(200);
  }

  private String conversation(String agentId) throws Exception {
    return Platform.json(
            Platform.post(
                "api/v1/conversations",
                "{\"organizationId\":\"" + organization + "\",\"agentIds\":[\"" + agentId + "\"]}",
                owner))
        .get("id")
        .asText();
  }

  private String post(String conversation, String content) throws Exception {
    HttpResponse<String> posted =
        Platform.post(
            "api/v1/conversations/" + conversation + "/messages",
            "{\"content\":\"" + content + "\"}",
            owner);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    return Platform.json(posted).get("runId").asText();
  }

  private void awaitRun(String run) {
    await()
        .atMost(WORK)
        .until(
            () ->
                !Platform.json(Platform.get("api/v1/runs/" + run, owner))
                    .get("status")
                    .asText()
                    .equals("RUNNING"));
  }

  private String task(String body) throws Exception {
    HttpResponse<String> created =
        Platform.post("api/v1/organizations/" + organization + "/tasks", body, owner);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }

  private static String[] bearer(String email) throws Exception {
    HttpResponse<String> login = Accounts.login(email, Accounts.PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return PluginsApi.bearer(Platform.json(login).get("accessToken").asText());
  }
}
