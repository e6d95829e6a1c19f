package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every API request, read or change, leaves an audit entry that names who (and how they signed in),
 * the route and what it was about, the outcome and the trace id; the chain of entries shows an
 * entry changed in the database; the trail is read with filters, in pages, and exported.
 */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  /** One request of the table and the entry it must leave. */
  private record Call(
      String[] who,
      String method,
      String path,
      String body,
      String kind,
      String route,
      String target,
      int status) {}

  @Test
  void everyKindOfReadAndChangeLeavesItsEntry() throws Exception {
    Team team = Team.of("audited", "disk");
    String org = team.organization;
    String agent =
        created(
            team.owner,
            "POST",
            "api/v1/organizations/" + org + "/agents",
            "{\"name\":\"Ada\",\"role\":\"Analyst\"}");
    String conversation =
        created(
            team.owner,
            "POST",
            "api/v1/conversations",
            "{\"organizationId\":\"" + org + "\",\"agentIds\":[\"" + agent + "\"]}");
    String task =
        created(
            team.owner,
            "POST",
            "api/v1/organizations/" + org + "/tasks",
            "{\"title\":\"Count the stock\"}");
    String file = team.uploaded("stock.txt", "forty crates".getBytes(StandardCharsets.UTF_8));
    JsonNode token =
        Platform.json(
            Platform.post(
                "api/v1/me/tokens",
                "{\"name\":\"script\",\"scopes\":[\"read\"],\"expiresInDays\":1}",
                team.owner));
    String[] script = PluginsApi.bearer(token.get("token").asText());
    String[] stranger = PluginsApi.newTenantAdmin("stranger");

    List<Call> table =
        List.of(
            new Call(
                team.owner,
                "GET",
                "api/v1/organizations/" + org + "/agents",
                null,
                "PERSON",
                "GET /api/v1/organizations/{id}/agents",
                org,
                200),
            new Call(
                team.owner,
                "POST",
                "api/v1/organizations/" + org + "/agents",
                "{\"name\":\"Linus\",\"role\":\"Builder\"}",
                "PERSON",
                "POST /api/v1/organizations/{id}/agents",
                null,
                201),
            new Call(
                team.member,
                "GET",
                "api/v1/agents/" + agent,
                null,
                "PERSON",
                "GET /api/v1/agents/{agentId}",
                agent,
                200),
            new Call(
                team.owner,
                "PATCH",
                "api/v1/agents/" + agent,
                "{\"role\":\"Auditor\"}",
                "PERSON",
                "PATCH /api/v1/agents/{agentId}",
                agent,
                200),
            new Call(
                team.owner,
                "POST",
                "api/v1/conversations/" + conversation + "/messages",
                "{\"content\":\"How many crates?\"}",
                "PERSON",
                "POST /api/v1/conversations/{conversationId}/messages",
                conversation,
                202),
            new Call(
                team.member,
                "GET",
                "api/v1/conversations/" + conversation + "/messages",
                null,
                "PERSON",
                "GET /api/v1/conversations/{conversationId}/messages",
                conversation,
                200),
            new Call(
                team.owner,
                "GET",
                "api/v1/tasks/" + task,
                null,
                "PERSON",
                "GET /api/v1/tasks/{taskId}",
                task,
                200),
            new Call(
                team.member,
                "GET",
                "api/v1/files/" + file,
                null,
                "PERSON",
                "GET /api/v1/files/{fileId}",
                file,
                200),
            new Call(
                script,
                "GET",
                "api/v1/organizations/" + org + "/tasks",
                null,
                "API_TOKEN",
                "GET /api/v1/organizations/{id}/tasks",
                org,
                200),
            new Call(
                script,
                "GET",
                "api/v1/files/" + file,
                null,
                "API_TOKEN",
                "GET /api/v1/files/{fileId}",
                file,
                200),
            // refused for the scope its token lacks: still a request of a known caller
            new Call(
                script,
                "POST",
                "api/v1/organizations/" + org + "/agents",
                "{\"name\":\"Mallory\",\"role\":\"Builder\"}",
                "API_TOKEN",
                "POST /api/v1/organizations/{id}/agents",
                null,
                403),
            new Call(
                team.owner,
                "DELETE",
                "api/v1/me/tokens/" + token.get("id").asText(),
                null,
                "PERSON",
                "DELETE /api/v1/me/tokens/{tokenId}",
                token.get("id").asText(),
                204),
            new Call(
                team.owner,
                "DELETE",
                "api/v1/organizations/" + org + "/members/" + team.memberId,
                null,
                "PERSON",
                "DELETE /api/v1/organizations/{id}/members/{userId}",
                team.memberId,
                204),
            new Call(
                team.member,
                "GET",
                "api/v1/tenant/audit",
                null,
                "PERSON",
                "GET /api/v1/tenant/audit",
                null,
                403));

    String owner = Platform.json(Platform.get("api/v1/me", team.owner)).get("id").asText();
    for (Call call : table) {
      String trace = hex(16);
      HttpResponse<String> response =
          Platform.send(call.method(), call.path(), call.body(), with(call.who(), trace));
      assertThat(response.statusCode())
          .as(call.route() + ": " + response.body())
          .isEqualTo(call.status());
      assertThat(response.headers().firstValue("X-Request-Id")).hasValue(trace);

      Map<String, String> entry = entryOf(trace);
      assertThat(entry.get("route")).as(call.route()).isEqualTo(call.route());
      assertThat(entry.get("actor_kind")).as(call.route()).isEqualTo(call.kind());
      assertThat(entry.get("outcome")).as(call.route()).isEqualTo(String.valueOf(call.status()));
      assertThat(entry.get("source_address")).isEqualTo("127.0.0.1");
      assertThat(entry.get("action"))
          .isEqualTo(call.method().equals("GET") ? "API_READ" : "API_CHANGE");
      if (call.who() == team.owner || call.who() == script) {
        assertThat(entry.get("actor_id")).as(call.route()).isEqualTo(owner);
      }
      if (call.target() != null) {
        assertThat(entry.get("target")).as(call.route()).isEqualTo(call.target());
      } else if (call.status() == 201) {
        assertThat(entry.get("target")).isEqualTo(Platform.json(response).get("id").asText());
      }
      if (call.route().contains("/organizations/{id}")) {
        assertThat(entry.get("organization_id")).isEqualTo(org);
      }
    }

    // another tenant's ids are not found, and the attempt is in the stranger's own trail
    String trace = hex(16);
    assertThat(Platform.get("api/v1/agents/" + agent, with(stranger, trace)).statusCode())
        .isEqualTo(404);
    assertThat(entryOf(trace)).containsEntry("outcome", "404").containsEntry("target", agent);
    JsonNode strangersTrail =
        Platform.json(Platform.get("api/v1/tenant/audit?target=" + agent, stranger));
    assertThat(strangersTrail.get("items").size()).isEqualTo(1);
    JsonNode ownTrail =
        Platform.json(Platform.get("api/v1/tenant/audit?target=" + agent, team.owner));
    assertThat(ownTrail.get("items").findValuesAsText("route"))
        .contains("GET /api/v1/agents/{agentId}", "PATCH /api/v1/agents/{agentId}")
        .doesNotContainNull();
    assertThat(ownTrail.toString()).doesNotContain(trace);

    // a platform admin's requests are in the platform's trail
    String adminTrace = hex(16);
    String[] admin = PluginsApi.platformAdmin();
    assertThat(Platform.get("api/v1/platform/audit", with(admin, adminTrace)).statusCode())
        .isEqualTo(200);
    assertThat(entryOf(adminTrace))
        .containsEntry("actor_kind", "PLATFORM_ADMIN")
        .containsEntry("tenant_id", null);
    assertThat(Platform.get("api/v1/platform/audit", team.owner).statusCode()).isEqualTo(403);
  }

  @Test
  void theChainShowsAnEntryChangedInTheDatabase() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("chained");
    for (int i = 0; i < 5; i++) {
      Platform.get("api/v1/organizations", admin.bearer());
    }
    JsonNode intact =
        Platform.json(Platform.get("api/v1/tenant/audit/verification", admin.bearer()));
    assertThat(intact.get("entries").asLong()).isGreaterThanOrEqualTo(6);
    assertThat(intact.has("firstBroken")).isFalse();
    JsonNode platform =
        Platform.json(
            Platform.get("api/v1/platform/audit/verification", PluginsApi.platformAdmin()));
    assertThat(platform.has("firstBroken")).as(platform.toString()).isFalse();

    String tenantId =
        PlatformIT.query("select id from tenant where slug = '" + admin.tenant() + "'");
    String altered =
        PlatformIT.query(
            "select id from audit_event where tenant_id = '" + tenantId + "' and seq = 3");
    PlatformIT.execute(
        "update audit_event set outcome = 200, route = 'GET /api/v1/organizations/{id}/members'"
            + " where id = '"
            + altered
            + "'");

    JsonNode broken =
        Platform.json(Platform.get("api/v1/tenant/audit/verification", admin.bearer()));
    assertThat(broken.get("firstBroken").asText()).isEqualTo(altered);
    assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(3);
    assertThat(broken.get("reason").asText()).contains("does not match its hash");
    assertThat(
            Platform.get("api/v1/tenant/audit/verification", Team.of("other", "disk").member)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void theTrailIsFilteredPagedAndExported() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("exported");
    Instant before = Instant.now();
    for (int i = 0; i < 5; i++) {
      Platform.get("api/v1/organizations", admin.bearer());
    }
    // a path parameter a spreadsheet would take for a formula
    assertThat(Platform.get("api/v1/agents/=1+2", admin.bearer()).statusCode()).isEqualTo(404);
    Instant after = Instant.now();
    String window = "from=" + before + "&to=" + after;

    List<String> walked = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          Platform.json(
              Platform.get(
                  "api/v1/tenant/audit?action=API_READ&limit=2&"
                      + window
                      + (cursor == null ? "" : "&cursor=" + encode(cursor)),
                  admin.bearer()));
      page.get("items").forEach(item -> walked.add(item.get("id").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    assertThat(walked).hasSize(6).doesNotHaveDuplicates();

    String actor = Platform.json(Platform.get("api/v1/me", admin.bearer())).get("id").asText();
    assertThat(
            Platform.json(
                    Platform.get(
                        "api/v1/tenant/audit?actor=" + actor + "&" + window, admin.bearer()))
                .get("items")
                .size())
        .isEqualTo(6);
    assertThat(Platform.get("api/v1/tenant/audit?actor=nobody", admin.bearer()).statusCode())
        .isEqualTo(400);
    assertThat(
            Platform.get("api/v1/tenant/audit?from=" + after + "&to=" + before, admin.bearer())
                .statusCode())
        .isEqualTo(400);

    HttpResponse<String> csv =
        Platform.get("api/v1/tenant/audit/export?format=csv&" + window, admin.bearer());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).startsWith("occurredAt,seq,action,actorId,actorKind");
    assertThat(lines).hasSize(7);
    assertThat(csv.body())
        .contains(",API_READ," + actor + ",PERSON,,GET /api/v1/agents/{agentId},'=1+2,,404,")
        .contains("GET /api/v1/organizations,,,200,127.0.0.1,");

    HttpResponse<String> json =
        Platform.get(
            "api/v1/tenant/audit/export?format=json&target=" + encode("=1+2"), admin.bearer());
    JsonNode exported = Platform.json(json);
    assertThat(exported.size()).isEqualTo(1);
    assertThat(exported.get(0).get("target").asText()).isEqualTo("=1+2");
    assertThat(exported.get(0).get("outcome").asInt()).isEqualTo(404);
    assertThat(exported.get(0).get("hash").asText()).hasSize(64);
    assertThat(Platform.get("api/v1/tenant/audit/export?format=xml", admin.bearer()).statusCode())
        .isEqualTo(400);
  }

  /** The API entry the request of this trace left, read with the database owner's connection. */
  private static Map<String, String> entryOf(String trace) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(Platform.EMBEDDED_DB_URL, "postgres", "");
        PreparedStatement statement =
            connection.prepareStatement(
                "select tenant_id, actor_id, actor_kind, action, route, target, outcome,"
                    + " organization_id, source_address from audit_event"
                    + " where trace_id = ? and route is not null")) {
      statement.setString(1, trace);
      try (ResultSet result = statement.executeQuery()) {
        assertThat(result.next()).as("an entry for trace " + trace).isTrue();
        Map<String, String> entry = new HashMap<>();
        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
          entry.put(result.getMetaData().getColumnName(i), result.getString(i));
        }
        assertThat(result.next()).as("one entry for trace " + trace).isFalse();
        return entry;
      }
    }
  }

  private static String created(String[] who, String method, String path, String body)
      throws Exception {
    HttpResponse<String> response = Platform.send(method, path, body, who);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Platform.json(response).get("id").asText();
  }

  private static String[] with(String[] bearer, String trace) {
    return new String[] {bearer[0], bearer[1], "traceparent", "00-" + trace + "-" + hex(8) + "-01"};
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
