package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundled code plugin through an agent: a tenant admin allows it explicitly, an agent runs
 * Python in the sandbox, and the chart it draws is kept as the organization's file.
 */
@ExtendWith(ArquillianExtension.class)
class CodeToolIT {

  private static final String PLUGIN = "io.protohive.plugins.tool-code";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aTenantAdminMustAllowCodeBeforeAnAgentRunsItAndKeepsItsChart() throws Exception {
    Team team = Team.of("code", "disk");
    HttpResponse<String> unallowed = PluginsApi.configure(PLUGIN, "{\"enabled\":true}", team.owner);
    assertThat(unallowed.statusCode()).as(unallowed.body()).isEqualTo(400);
    assertThat(unallowed.body()).contains("allowCode");
    assertThat(
            Platform.json(Platform.get("api/v1/tenant/plugins/" + PLUGIN, team.owner)).toString())
        .contains("\"enabled\":false");
    HttpResponse<String> allowed =
        PluginsApi.configure(PLUGIN, "{\"enabled\":true,\"allowCode\":true}", team.owner);
    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);

    String agent =
        team.scriptedAgent(
            "{\"name\":\"Analyst\",\"role\":\"Charts numbers\",\"tools\":[\"code.run\"]}",
            "call: code_run {\\\"language\\\":\\\"python\\\",\\\"code\\\":\\\"import"
                + " matplotlib.pyplot as plt\\\\nplt.bar(['Jan','Feb'],[12,18])\\\\n"
                + "plt.savefig('honey.png')\\\\nprint(12 + 18)\\\"}");
    String run = team.ask(agent, "Chart our honey sales", List.of());

    JsonNode kept =
        Platform.json(
                Platform.get("api/v1/organizations/" + team.organization + "/files", team.owner))
            .get("items");
    assertThat(kept.findValuesAsText("name")).containsExactly("honey.png");
    assertThat(kept.get(0).get("contentType").asText()).isEqualTo("image/png");
    assertThat(kept.get(0).get("agentId").asText()).isEqualTo(agent);
    assertThat(kept.get(0).get("runId").asText()).isEqualTo(run);
    assertThat(Platform.get("api/v1/runs/" + run, team.owner).body())
        .contains("Exit code: 0", "30", "Saved as the file [honey.png](/files/");
  }
}
