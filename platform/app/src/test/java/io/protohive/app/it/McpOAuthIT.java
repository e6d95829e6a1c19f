package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An MCP server behind an OAuth 2.0 token endpoint: registered with the client's credentials, its
 * calls carry the access token the platform got; a refused token is replaced; a wrong secret is
 * refused at registration with the endpoint's reason; the secret is in no answer and no audit.
 */
@ExtendWith(ArquillianExtension.class)
class McpOAuthIT {

  private static final String SECRET = "client-s3cret-9f2c";

  private static FakeOAuthServer oauth;
  private static MisbehavingMcpServer server;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void startTheServers() throws Exception {
    oauth = FakeOAuthServer.start("protohive", SECRET);
    server = MisbehavingMcpServer.requiring("Three new leads today.", oauth::current);
  }

  @AfterAll
  static void stopTheServers() {
    server.close();
    oauth.close();
  }

  @Test
  void callsCarryTheGrantedTokenAndTheSecretStaysSecret() throws Exception {
    Team team = Team.of("mcp-oauth", "disk");
    assertThat(McpIT.register(team.owner, "bare", server.url(), null).statusCode())
        .as("the server lets no one in without a token")
        .isEqualTo(400);

    HttpResponse<String> registered = register(team, "crm", SECRET, null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    JsonNode view = Platform.json(registered);
    assertThat(view.get("auth").asText()).isEqualTo("OAUTH");
    assertThat(view.get("hasToken").asBoolean()).isFalse();
    assertThat(view.get("tools").findValuesAsText("name")).contains("note", "echo");

    String reader =
        team.scriptedAgent(
            "{\"name\":\"Reader\",\"role\":\"Reads the CRM\",\"tools\":[\"mcp.crm.note\"]}",
            McpFaultsIT.planned("call: mcp_crm_note {}"));
    int grantedBefore = oauth.granted();
    assertThat(
            Platform.get("api/v1/runs/" + team.ask(reader, "Any news?", List.of()), team.owner)
                .body())
        .contains("Three new leads today.");
    int refusedBefore = server.refused();

    oauth.rotate();
    String again =
        team.scriptedAgent(
            "{\"name\":\"Rereader\",\"role\":\"Reads the CRM again\",\"tools\":[\"mcp.crm.note\"]}",
            McpFaultsIT.planned("call: mcp_crm_note {}"));
    assertThat(
            Platform.get("api/v1/runs/" + team.ask(again, "Any news?", List.of()), team.owner)
                .body())
        .as("a refused token is replaced by a fresh one")
        .contains("Three new leads today.");
    assertThat(server.refused()).isGreaterThan(refusedBefore);
    assertThat(oauth.granted())
        .as("one token for the first call, kept, and one after the refusal")
        .isEqualTo(grantedBefore + 2);

    HttpResponse<String> wrong = register(team, "crm-wrong", "not-the-secret", null);
    assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
    assertThat(wrong.body())
        .contains("invalid_client")
        .contains("Client authentication failed")
        .doesNotContain("not-the-secret");

    HttpResponse<String> both = register(team, "crm-both", SECRET, "a-token");
    assertThat(both.statusCode()).as(both.body()).isEqualTo(400);
    assertThat(both.body()).doesNotContain(SECRET);

    assertThat(Platform.get("api/v1/tenant/mcp-servers", team.owner).body())
        .contains("\"OAUTH\"")
        .doesNotContain(SECRET)
        .doesNotContain(oauth.current());
    String audit = Platform.get("api/v1/tenant/audit?limit=200", team.owner).body();
    assertThat(audit).contains("MCP_SERVER_REGISTERED").doesNotContain(SECRET);
  }

  private static HttpResponse<String> register(Team team, String name, String secret, String token)
      throws Exception {
    return Platform.post(
        "api/v1/tenant/mcp-servers",
        "{\"name\":\""
            + name
            + "\",\"url\":\""
            + server.url()
            + "\""
            + (token == null ? "" : ",\"token\":\"" + token + "\"")
            + ",\"oauth\":{\"tokenUrl\":\""
            + oauth.tokenUrl()
            + "\",\"clientId\":\"protohive\",\"clientSecret\":\""
            + secret
            + "\",\"scope\":\"tools\"}}",
        team.owner);
  }
}
