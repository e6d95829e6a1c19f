package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Organizations from templates, and the agents of an organization with their org chart. */
@ExtendWith(ArquillianExtension.class)
class AgentIT {

  private String[] owner;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void signIn() throws Exception {
    owner = PluginsApi.newTenantAdmin("agents");
  }

  @Test
  void theTemplatesShipWithAgentsAndReportingLines() throws Exception {
    JsonNode templates =
        Platform.json(Platform.get("api/v1/organization-templates", owner)).get("items");

    assertThat(templates.findValuesAsText("id"))
        .containsExactly("software-startup", "marketing-agency", "customer-support");
    for (JsonNode template : templates) {
      assertThat(template.get("agents").size()).isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void anOrganizationFromATemplateHasItsAgentsAndOrgChart() throws Exception {
    String org = organization("{\"name\":\"Rocket\",\"template\":\"software-startup\"}");

    JsonNode agents =
        Platform.json(Platform.get("api/v1/organizations/" + org + "/agents", owner)).get("items");

    assertThat(agents.findValuesAsText("name"))
        .containsExactly("Ada", "Linus", "Grace", "Alan", "Margaret");
    Map<String, String> idByName = new HashMap<>();
    Map<String, String> managerByName = new HashMap<>();
    for (JsonNode agent : agents) {
      idByName.put(agent.get("name").asText(), agent.get("id").asText());
      managerByName.put(agent.get("name").asText(), agent.path("managerId").asText(null));
    }
    assertThat(managerByName.get("Ada")).isNull();
    assertThat(managerByName.get("Linus")).isEqualTo(idByName.get("Ada"));
    assertThat(managerByName.get("Grace")).isEqualTo(idByName.get("Linus"));
    assertThat(agents.get(1).get("tools").toString()).contains("clock.now");
    assertThat(
            Platform.post(
                    "api/v1/organizations", "{\"name\":\"X\",\"template\":\"pirate-ship\"}", owner)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void agentsAreCreatedChangedAndRemovedWithTheirReportingLinesKeptSound() throws Exception {
    String org = organization("{\"name\":\"Studio\"}");
    HttpResponse<String> created =
        Platform.post(
            "api/v1/organizations/" + org + "/agents",
            "{\"name\":\"Boss\",\"role\":\"Lead\",\"persona\":\"You lead.\",\"tools\":[\"clock.now\"]}",
            owner);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String boss = Platform.json(created).get("id").asText();
    assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/agents/" + boss);
    String worker =
        Platform.json(
                Platform.post(
                    "api/v1/organizations/" + org + "/agents",
                    "{\"name\":\"Worker\",\"role\":\"Maker\",\"managerId\":\"" + boss + "\"}",
                    owner))
            .get("id")
            .asText();

    HttpResponse<String> loop =
        Platform.send(
            "PATCH", "api/v1/agents/" + boss, "{\"managerId\":\"" + worker + "\"}", owner);
    assertThat(loop.statusCode()).isEqualTo(400);
    assertThat(loop.body()).contains("managerId");

    JsonNode renamed =
        Platform.json(
            Platform.send(
                "PATCH",
                "api/v1/agents/" + worker,
                "{\"persona\":\"You build things.\",\"temperature\":0.2}",
                owner));
    assertThat(renamed.get("persona").asText()).isEqualTo("You build things.");
    assertThat(renamed.get("name").asText()).isEqualTo("Worker");
    assertThat(renamed.get("managerId").asText()).isEqualTo(boss);
    JsonNode reset =
        Platform.json(
            Platform.send(
                "PATCH", "api/v1/agents/" + worker, "{\"clearTemperature\":true}", owner));
    assertThat(reset.path("temperature").isMissingNode() || reset.get("temperature").isNull())
        .as("back to the model's default")
        .isTrue();
    assertThat(reset.get("persona").asText()).isEqualTo("You build things.");

    assertThat(Platform.send("DELETE", "api/v1/agents/" + boss, null, owner).statusCode())
        .isEqualTo(204);
    JsonNode orphan = Platform.json(Platform.get("api/v1/agents/" + worker, owner));
    assertThat(orphan.path("managerId").isMissingNode() || orphan.get("managerId").isNull())
        .as("reports to no one once its manager is gone")
        .isTrue();
    assertThat(Platform.get("api/v1/agents/" + boss, owner).statusCode()).isEqualTo(404);
  }

  @Test
  void badAgentsAreRefusedAndChangeNothing() throws Exception {
    String org = organization("{\"name\":\"Strict\"}");
    String agents = "api/v1/organizations/" + org + "/agents";
    for (String bad :
        new String[] {
          "{\"name\":\"\",\"role\":\"Lead\"}",
          "{\"name\":\"A\",\"role\":\"Lead\",\"temperature\":3}",
          "{\"name\":\"A\",\"role\":\"Lead\",\"tools\":[\"Not A Tool!\"]}",
          "{\"name\":\"A\",\"role\":\"Lead\",\"maxSteps\":99}",
          "{\"name\":\"A\",\"role\":\"Lead\",\"color\":\"red\"}",
          "{\"name\":\"A\",\"role\":\"Lead\",\"model\":\"gpt\"}",
          "{\"name\":\"A\",\"role\":\"Lead\",\"managerId\":\"00000000-0000-0000-0000-000000000001\"}",
          "{\"name\":\"A\",\"role\":\"Lead\",\"owner\":\"me\"}"
        }) {
      HttpResponse<String> refused = Platform.post(agents, bad, owner);
      assertThat(refused.statusCode()).as(bad + " " + refused.body()).isEqualTo(400);
    }
    assertThat(Platform.json(Platform.get(agents, owner)).get("items")).isEmpty();
  }

  private String organization(String body) throws Exception {
    HttpResponse<String> created = Platform.post("api/v1/organizations", body, owner);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }
}
