package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Organizations, members and roles, and what people outside them can do to them: nothing. */
@ExtendWith(ArquillianExtension.class)
class OrganizationIT {

  private static final String PASSWORD = Accounts.PASSWORD;

  private User owner;
  private User admin;
  private User member;
  private User outsider;
  private User foreigner;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void people() throws Exception {
    String rival = Accounts.tenant("rival", false, "");
    owner = User.signUp("demo");
    admin = User.signUp("demo");
    member = User.signUp("demo");
    outsider = User.signUp("demo");
    foreigner = User.signUp(rival);
  }

  @Test
  void anOwnerBuildsATeamWithRoles() throws Exception {
    JsonNode organization = create(owner, "Acme Robotics");
    String id = organization.get("id").asText();
    assertThat(organization.get("role").asText()).isEqualTo("OWNER");

    assertThat(invite(owner, id, admin, "ADMIN").statusCode()).isEqualTo(201);
    assertThat(invite(owner, id, member, "MEMBER").statusCode()).isEqualTo(201);
    assertThat(invite(owner, id, member, "MEMBER").statusCode()).isEqualTo(409);

    JsonNode members = Platform.json(owner.get("api/v1/organizations/" + id + "/members"));
    assertThat(members.get("items").findValuesAsText("email"))
        .containsExactly(owner.email, admin.email, member.email);
    assertThat(members.get("items").findValuesAsText("role"))
        .containsExactly("OWNER", "ADMIN", "MEMBER");
    assertThat(
            Platform.json(member.get("api/v1/organizations")).get("items").findValuesAsText("name"))
        .containsExactly("Acme Robotics");
  }

  @Test
  void eachRoleMayDoWhatItShouldAndNoMore() throws Exception {
    String id = team();
    String org = "api/v1/organizations/" + id;

    assertThat(member.get(org).statusCode()).isEqualTo(200);
    assertThat(member.patch(org, "{\"name\":\"Mine\"}").statusCode()).isEqualTo(403);
    assertThat(member.delete(org).statusCode()).isEqualTo(403);
    assertThat(member.post(org + "/agents", "{\"name\":\"A\",\"role\":\"B\"}").statusCode())
        .isEqualTo(403);
    assertThat(admin.post(org + "/agents", "{\"name\":\"A\",\"role\":\"B\"}").statusCode())
        .isEqualTo(201);
    assertThat(Platform.json(member.get(org + "/agents")).get("items").size()).isEqualTo(1);
    assertThat(invite(member, id, outsider, "MEMBER").statusCode()).isEqualTo(403);
    assertThat(member.delete(org + "/members/" + admin.id).statusCode()).isEqualTo(403);

    assertThat(admin.patch(org, "{\"name\":\"Acme Renamed\"}").statusCode()).isEqualTo(200);
    assertThat(invite(admin, id, outsider, "OWNER").statusCode()).isEqualTo(403);
    assertThat(admin.patch(org + "/members/" + owner.id, "{\"role\":\"MEMBER\"}").statusCode())
        .isEqualTo(403);
    assertThat(admin.delete(org + "/members/" + owner.id).statusCode()).isEqualTo(403);
    assertThat(admin.delete(org).statusCode()).isEqualTo(403);

    assertThat(owner.delete(org + "/members/" + owner.id).statusCode())
        .as("the last owner cannot leave")
        .isEqualTo(409);
    assertThat(owner.patch(org + "/members/" + owner.id, "{\"role\":\"ADMIN\"}").statusCode())
        .isEqualTo(409);
    assertThat(member.delete(org + "/members/" + member.id).statusCode())
        .as("a member may leave")
        .isEqualTo(204);
    assertThat(member.get(org).statusCode()).isEqualTo(404);

    assertThat(owner.delete(org).statusCode()).isEqualTo(204);
    assertThat(owner.get(org).statusCode()).isEqualTo(404);
  }

  /** What every signed-in user may read, since it belongs to the platform, not to a tenant. */
  private static final Set<String> PLATFORM_WIDE_READS = Set.of("GET /api/v1/plugins/{pluginId}");

  /** What anyone may ask of a tus address: the protocol's versions and limits, for every id. */
  private static final Set<String> PROTOCOL_DISCOVERY =
      Set.of("OPTIONS /api/v1/organizations/{id}/uploads", "OPTIONS /api/v1/uploads/{uploadId}");

  @Test
  void everyEndpointWithAnIdRefusesStrangersWithoutLeakingOrChangingAnything() throws Exception {
    String id = team();
    String name = Platform.json(owner.get("api/v1/organizations/" + id)).get("name").asText();
    String agentId =
        Platform.json(
                owner.post(
                    "api/v1/organizations/" + id + "/agents",
                    "{\"name\":\"Secretive\",\"role\":\"Keeper\",\"persona\":\"Quiet\"}"))
            .get("id")
            .asText();
    Map<String, String> ids =
        Map.of(
            "id",
            id,
            "userId",
            member.id,
            "sessionId",
            UUID.randomUUID().toString(),
            "tenant",
            "demo",
            "provider",
            "none",
            "pluginId",
            "io.protohive.plugins.tool-clock",
            "toolId",
            // a tool the demo tenant, whose people are the strangers here, does not enable
            "http.get",
            "publisherId",
            UUID.randomUUID().toString(),
            "budgetId",
            UUID.randomUUID().toString());
    ids = new HashMap<>(ids);
    ids.put("agentId", agentId);
    String conversationId =
        Platform.json(
                owner.post(
                    "api/v1/conversations",
                    "{\"organizationId\":\"" + id + "\",\"agentIds\":[\"" + agentId + "\"]}"))
            .get("id")
            .asText();
    ids.put("conversationId", conversationId);
    // the owner's idempotency key and cursor, which strangers present below to replay or page on
    String ownerKey = UUID.randomUUID().toString();
    ids.put(
        "runId",
        Platform.json(
                owner.call(
                    "POST",
                    "api/v1/conversations/" + conversationId + "/messages",
                    "{\"content\":\"Secretive plans\"}",
                    "Idempotency-Key",
                    ownerKey))
            .get("runId")
            .asText());
    String ownerCursor =
        Platform.json(owner.get("api/v1/organizations/" + id + "/members?limit=1"))
            .get("nextCursor")
            .asText();

    ids.put(
        "taskId",
        Platform.json(
                owner.post(
                    "api/v1/organizations/" + id + "/tasks", "{\"title\":\"Secretive task\"}"))
            .get("id")
            .asText());
    String fileId =
        Platform.json(
                owner.upload(
                    "api/v1/organizations/" + id + "/files",
                    "Secretive.txt",
                    "Secretive plans".getBytes(StandardCharsets.UTF_8)))
            .get("id")
            .asText();
    ids.put("fileId", fileId);
    ids.put(
        "shareId",
        Platform.json(
                owner.post(
                    "api/v1/files/" + fileId + "/shares", "{\"accountId\":\"" + member.id + "\"}"))
            .get("id")
            .asText());
    HttpResponse<String> upload =
        owner.call(
            "POST",
            "api/v1/organizations/" + id + "/uploads",
            null,
            "Tus-Resumable",
            "1.0.0",
            "Upload-Length",
            "15",
            "Upload-Metadata",
            "filename "
                + Base64.getEncoder()
                    .encodeToString("Secretive.txt".getBytes(StandardCharsets.UTF_8)));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    String location = upload.headers().firstValue("Location").orElseThrow();
    ids.put("uploadId", location.substring(location.lastIndexOf('/') + 1));
    ids.put(
        "knowledgeBaseId",
        Platform.json(
                owner.post(
                    "api/v1/organizations/" + id + "/knowledge-bases",
                    "{\"name\":\"Secretive base\",\"fileIds\":[\"" + fileId + "\"]}"))
            .get("id")
            .asText());
    ids.put(
        "webhookId",
        Platform.json(
                owner.post(
                    "api/v1/organizations/" + id + "/webhooks",
                    "{\"url\":\"http://localhost:9/secretive\",\"eventTypes\":[\"task.created\"]}"))
            .get("webhook")
            .get("id")
            .asText());
    ids.put("deliveryId", UUID.randomUUID().toString());
    ids.put(
        "routineId",
        Platform.json(
                owner.post(
                    "api/v1/organizations/" + id + "/routines",
                    "{\"name\":\"Secretive routine\",\"agentId\":\""
                        + agentId
                        + "\",\"titleTemplate\":\"Secretive report\",\"cron\":\"0 9 * * 1\"}"))
            .get("routine")
            .get("id")
            .asText());
    ids.put("approvalId", UUID.randomUUID().toString());
    ids.put("jobId", UUID.randomUUID().toString());
    ids.put("tenantId", UUID.randomUUID().toString());
    ids.put("updateId", UUID.randomUUID().toString());
    ids.put("tool", "echo");
    ids.put(
        "tokenId",
        Platform.json(
                owner.post("api/v1/me/tokens", "{\"name\":\"Secretive\",\"scopes\":[\"read\"]}"))
            .get("id")
            .asText());
    ids.put("serviceAccountId", UUID.randomUUID().toString());
    ids.put("exportId", Platform.json(owner.post("api/v1/me/export", null)).get("id").asText());

    List<String> checked = new ArrayList<>();
    JsonNode document = openApi();
    JsonNode paths = document.get("paths");
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String template = it.next();
      if (!template.contains("{")) {
        continue;
      }
      String path = template;
      for (Map.Entry<String, String> entry : ids.entrySet()) {
        path = path.replace("{" + entry.getKey() + "}", entry.getValue());
      }
      assertThat(path).as("every path parameter of " + template + " is known").doesNotContain("{");
      for (Iterator<String> methods = paths.get(template).fieldNames(); methods.hasNext(); ) {
        String operation = methods.next();
        String method = operation.toUpperCase();
        List<String> parameters = parameterNames(document, paths.get(template).get(operation));
        String target =
            path.substring(1) + (parameters.contains("cursor") ? "?cursor=" + ownerCursor : "");
        String[] headers =
            parameters.contains("Idempotency-Key")
                ? new String[] {"Idempotency-Key", ownerKey}
                : template.endsWith("/uploads") || template.contains("/uploads/")
                    // speaking the protocol, so that the answer is about the upload
                    ? new String[] {"Tus-Resumable", "1.0.0"}
                    : new String[0];
        boolean multipart =
            paths
                .get(template)
                .get(operation)
                .path("requestBody")
                .path("content")
                .has("multipart/form-data");
        for (User stranger : List.of(foreigner, outsider)) {
          HttpResponse<String> response =
              multipart
                  ? stranger.upload(
                      target, "Stranger.txt", "planted".getBytes(StandardCharsets.UTF_8))
                  : stranger.call(method, target, method.equals("HEAD") ? null : "{}", headers);
          String operationName = method + " " + template;
          assertThat(response.statusCode())
              .as(operationName + " by " + stranger.label)
              .isIn(
                  PLATFORM_WIDE_READS.contains(operationName)
                      ? 200
                      : PROTOCOL_DISCOVERY.contains(operationName) ? 204 : 403,
                  404);
          assertThat(response.body())
              .doesNotContain(name)
              .doesNotContain(owner.email)
              .doesNotContain("Secretive");
        }
        checked.add(method + " " + template);
      }
    }

    assertThat(checked)
        .contains(
            "GET /api/v1/organizations/{id}",
            "DELETE /api/v1/organizations/{id}",
            "DELETE /api/v1/me/tokens/{tokenId}",
            "POST /api/v1/tenant/service-accounts/{serviceAccountId}/tokens",
            "PATCH /api/v1/organizations/{id}/members/{userId}",
            "POST /api/v1/organizations/{id}/uploads",
            "PATCH /api/v1/uploads/{uploadId}",
            "DELETE /api/v1/uploads/{uploadId}",
            "GET /api/v1/me/exports/{exportId}/content",
            "DELETE /api/v1/tenant/users/{userId}");
    assertThat(Platform.json(owner.get("api/v1/organizations/" + id)).get("name").asText())
        .isEqualTo(name);
    assertThat(Platform.json(owner.get("api/v1/me/tokens")).get("items").get(0).has("revokedAt"))
        .as("the owner's token, which strangers tried to revoke")
        .isFalse();
    assertThat(Platform.json(owner.get("api/v1/agents/" + agentId)).get("name").asText())
        .isEqualTo("Secretive");
    assertThat(
            Platform.json(owner.get("api/v1/organizations/" + id + "/members")).get("items").size())
        .isEqualTo(3);
    assertThat(Platform.json(owner.get("api/v1/files/" + fileId)).get("name").asText())
        .isEqualTo("Secretive.txt");
    HttpResponse<String> untouched =
        owner.call("HEAD", "api/v1/uploads/" + ids.get("uploadId"), null, "Tus-Resumable", "1.0.0");
    assertThat(untouched.statusCode()).isEqualTo(200);
    assertThat(untouched.headers().firstValue("Upload-Offset")).hasValue("0");
    assertThat(
            Platform.json(owner.get("api/v1/organizations/" + id + "/files"))
                .get("items")
                .findValuesAsText("name"))
        .containsExactly("Secretive.txt");
  }

  @Test
  void theApiDocumentsPagingOnEveryListAndIdempotencyKeysOnRetriableWrites() throws Exception {
    JsonNode document = openApi();
    JsonNode paths = document.get("paths");
    for (String list :
        List.of(
            "/api/v1/organizations",
            "/api/v1/organizations/{id}/members",
            "/api/v1/organizations/{id}/agents",
            "/api/v1/organizations/{id}/tasks",
            "/api/v1/organizations/{id}/approvals",
            "/api/v1/organizations/{id}/conversations",
            "/api/v1/conversations/{conversationId}/messages",
            "/api/v1/tenant/users",
            "/api/v1/tenant/audit",
            "/api/v1/platform/jobs",
            "/api/v1/platform/tenants",
            "/api/v1/plugins")) {
      assertThat(parameterNames(document, paths.get(list).get("get")))
          .as("GET " + list)
          .contains("limit", "cursor");
    }
    for (String write :
        List.of(
            "/api/v1/organizations",
            "/api/v1/organizations/{id}/members",
            "/api/v1/organizations/{id}/agents",
            "/api/v1/organizations/{id}/tasks",
            "/api/v1/conversations",
            "/api/v1/conversations/{conversationId}/messages",
            "/api/v1/tenant/users")) {
      assertThat(parameterNames(document, paths.get(write).get("post")))
          .as("POST " + write)
          .contains("Idempotency-Key");
    }
  }

  @Test
  void listsArePagedWithCursors() throws Exception {
    for (int i = 1; i <= 3; i++) {
      create(owner, "Company " + i);
    }
    JsonNode first = Platform.json(owner.get("api/v1/organizations?limit=2"));
    assertThat(first.get("items").findValuesAsText("name"))
        .containsExactly("Company 1", "Company 2");
    String cursor = first.get("nextCursor").asText();

    JsonNode second = Platform.json(owner.get("api/v1/organizations?limit=2&cursor=" + cursor));
    assertThat(second.get("items").findValuesAsText("name")).containsExactly("Company 3");
    assertThat(second.get("nextCursor").isNull()).isTrue();

    assertThat(owner.get("api/v1/organizations?limit=0").statusCode()).isEqualTo(400);
    assertThat(owner.get("api/v1/organizations?limit=201").statusCode()).isEqualTo(400);
    assertThat(owner.get("api/v1/organizations?cursor=garbage").statusCode()).isEqualTo(400);
  }

  @Test
  void badInputChangesNothing() throws Exception {
    assertThat(owner.post("api/v1/organizations", "{\"name\":\"\"}").statusCode()).isEqualTo(400);
    assertThat(
            owner
                .post("api/v1/organizations", "{\"name\":\"" + "x".repeat(101) + "\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(owner.post("api/v1/organizations", "{\"name\":\"A\",\"owner\":\"me\"}").statusCode())
        .isEqualTo(400);
    String id = team();
    assertThat(invite(owner, id, foreigner, "MEMBER").statusCode())
        .as("a person of another tenant cannot be added")
        .isEqualTo(400);
    assertThat(
            owner
                .post(
                    "api/v1/organizations/" + id + "/members",
                    "{\"email\":\"" + outsider.email + "\",\"role\":\"KING\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(owner.get("api/v1/organizations/not-a-uuid").statusCode()).isEqualTo(404);
    assertThat(Platform.json(owner.get("api/v1/organizations")).get("items").size()).isEqualTo(1);
  }

  private String team() throws Exception {
    String id = create(owner, "Acme").get("id").asText();
    assertThat(invite(owner, id, admin, "ADMIN").statusCode()).isEqualTo(201);
    assertThat(invite(owner, id, member, "MEMBER").statusCode()).isEqualTo(201);
    return id;
  }

  private static JsonNode create(User user, String name) throws Exception {
    HttpResponse<String> response =
        user.post("api/v1/organizations", "{\"name\":\"" + name + "\"}");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).isPresent();
    return Platform.json(response);
  }

  private static HttpResponse<String> invite(User by, String id, User who, String role)
      throws Exception {
    return by.post(
        "api/v1/organizations/" + id + "/members",
        "{\"email\":\"" + who.email + "\",\"role\":\"" + role + "\"}");
  }

  private static JsonNode openApi() throws Exception {
    return Platform.json(Platform.get("openapi?format=JSON"));
  }

  /** The names of an operation's parameters, those it refers to in the components included. */
  private static List<String> parameterNames(JsonNode document, JsonNode operation) {
    List<String> names = new ArrayList<>();
    for (JsonNode parameter : operation.path("parameters")) {
      JsonNode described =
          parameter.has("$ref")
              ? document.at(parameter.get("$ref").asText().substring(1))
              : parameter;
      names.add(described.path("name").asText());
    }
    return names;
  }

  /** A signed-up person with an access token. */
  private static final class User {

    final String email;
    final String id;
    final String label;
    private final String token;

    private User(String email, String id, String label, String token) {
      this.email = email;
      this.id = id;
      this.label = label;
      this.token = token;
    }

    static User signUp(String tenant) throws Exception {
      String email = "user-" + UUID.randomUUID() + "@example.com";
      HttpResponse<String> created = Accounts.register(email, PASSWORD, tenant);
      assertThat(created.statusCode()).isEqualTo(201);
      HttpResponse<String> login = Accounts.login(email, PASSWORD);
      assertThat(login.statusCode()).isEqualTo(200);
      return new User(
          email,
          Platform.json(created).get("id").asText(),
          "a user of " + tenant,
          Platform.json(login).get("accessToken").asText());
    }

    HttpResponse<String> get(String path) throws Exception {
      return call("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
      return call("POST", path, body);
    }

    HttpResponse<String> patch(String path, String body) throws Exception {
      return call("PATCH", path, body);
    }

    HttpResponse<String> delete(String path) throws Exception {
      return call("DELETE", path, null);
    }

    HttpResponse<String> upload(String path, String fileName, byte[] content) throws Exception {
      return Platform.multipart(
          path, fileName, content, Map.of(), "Authorization", "Bearer " + token);
    }

    HttpResponse<String> call(String method, String path, String body, String... headers)
        throws Exception {
      String[] all = new String[headers.length + 2];
      all[0] = "Authorization";
      all[1] = "Bearer " + token;
      System.arraycopy(headers, 0, all, 2, headers.length);
      return Platform.send(method, path, body, all);
    }
  }
}
