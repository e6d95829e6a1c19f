package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Programs call the platform with API tokens: a person's own, or a service account's made by a
 * tenant admin. Each is shown once, stored as a hash, does only what its scopes allow, and is
 * refused, saying why, once revoked, expired or its account disabled.
 */
@ExtendWith(ArquillianExtension.class)
class ApiTokensIT {

  private String tenant;
  private String bossEmail;
  private String boss;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void tenantWithAnAdmin() throws Exception {
    bossEmail = Accounts.newEmail("boss", "example.com");
    tenant = Accounts.tenant("tokens", false, bossEmail);
    signUp(bossEmail);
    boss = Accounts.accessToken(Platform.API, bossEmail, Accounts.PASSWORD);
  }

  @Test
  void aPersonMakesATokenThatWorksUntilItIsRevoked() throws Exception {
    HttpResponse<String> made =
        call(
            "POST",
            "api/v1/me/tokens",
            "{\"name\":\"Laptop script\",\"scopes\":[\"read\"],\"expiresInDays\":30}",
            boss);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode created = Platform.json(made);
    String token = created.get("token").asText();
    String id = created.get("id").asText();
    assertThat(token).startsWith("ph_").hasSizeGreaterThan(40);
    assertThat(created.get("scopes").toString()).isEqualTo("[\"read\"]");
    assertThat(created.get("hint").asText()).endsWith(token.substring(token.length() - 4));

    assertThat(PlatformIT.query("select token_hash from api_token where id = '" + id + "'"))
        .isEqualTo(sha256(token));
    JsonNode me = Platform.json(call("GET", "api/v1/me", null, token));
    assertThat(me.get("email").asText()).isEqualTo(bossEmail);

    JsonNode listed = Platform.json(call("GET", "api/v1/me/tokens", null, boss));
    assertThat(listed.toString()).doesNotContain(token);
    JsonNode first = listed.get("items").get(0);
    assertThat(first.get("name").asText()).isEqualTo("Laptop script");
    assertThat(first.get("lastUsedAt").isNull()).isFalse();
    assertThat(first.get("lastUsedAddress").asText()).isEqualTo("127.0.0.1");

    assertThat(call("DELETE", "api/v1/me/tokens/" + id, null, boss).statusCode()).isEqualTo(204);
    HttpResponse<String> revoked = call("GET", "api/v1/me", null, token);
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(Platform.json(revoked).get("detail").asText()).contains("revoked");
    assertThat(
            Platform.json(call("GET", "api/v1/me/tokens", null, boss))
                .get("items")
                .get(0)
                .get("revokedAt")
                .isNull())
        .isFalse();
    Platform.assertNotLogged(token);
  }

  @Test
  void aTokenDoesOnlyWhatItsScopesAllow() throws Exception {
    String organization =
        Platform.json(call("POST", "api/v1/organizations", "{\"name\":\"Scoped Co\"}", boss))
            .get("id")
            .asText();
    String reader = token(boss, "reader", "\"read\"");
    String worker = token(boss, "worker", "\"read\",\"tasks\"");
    String tasks = "api/v1/organizations/" + organization + "/tasks";

    assertThat(call("GET", tasks, null, reader).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = call("POST", tasks, "{\"title\":\"Ship it\"}", reader);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Platform.json(refused).get("detail").asText()).contains("'tasks'");
    assertThat(call("POST", tasks, "{\"title\":\"Ship it\"}", worker).statusCode()).isEqualTo(201);

    HttpResponse<String> rename =
        call("PATCH", "api/v1/organizations/" + organization, "{\"name\":\"Mine\"}", worker);
    assertThat(rename.statusCode()).isEqualTo(403);
    assertThat(Platform.json(rename).get("detail").asText()).contains("'admin'");
    assertThat(
            call("POST", "api/v1/me/tokens", "{\"name\":\"more\",\"scopes\":[\"admin\"]}", worker)
                .statusCode())
        .as("a token without the admin scope makes no tokens")
        .isEqualTo(403);
    assertThat(
            Platform.json(call("GET", "api/v1/organizations/" + organization, null, boss))
                .get("name")
                .asText())
        .isEqualTo("Scoped Co");
  }

  /**
   * Changes anyone may ask for, signed in or not: signing in, up and out, recovering a password.
   */
  private static final String PUBLIC = "/api/v1/auth/";

  /** A routine's trigger, which its own signature admits. */
  private static final String TRIGGER = "/api/v1/routines/{routineId}/trigger";

  @Test
  void aReadOnlyTokenIsRefusedEveryChangeTheApiDescribes() throws Exception {
    String reader = token(boss, "reader", "\"read\"");
    JsonNode paths = Platform.json(Platform.get("openapi?format=JSON")).get("paths");
    List<String> checked = new ArrayList<>();
    for (Iterator<String> templates = paths.fieldNames(); templates.hasNext(); ) {
      String template = templates.next();
      if (template.startsWith(PUBLIC) || template.equals(TRIGGER)) {
        continue;
      }
      String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()).substring(1);
      for (Iterator<String> methods = paths.get(template).fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase();
        if (List.of("GET", "HEAD", "OPTIONS").contains(method)) {
          continue;
        }
        String[] headers = {"Authorization", "Bearer " + reader, "Tus-Resumable", "1.0.0"};
        boolean multipart =
            paths
                .get(template)
                .get(method.toLowerCase())
                .path("requestBody")
                .path("content")
                .has("multipart/form-data");
        HttpResponse<String> refused =
            multipart
                ? Platform.multipart(
                    path, "notes.txt", "notes".getBytes(StandardCharsets.UTF_8), Map.of(), headers)
                : Platform.send(method, path, "{}", headers);
        assertThat(refused.statusCode()).as(method + " " + template).isEqualTo(403);
        assertThat(Platform.json(refused).get("detail").asText())
            .as(method + " " + template)
            .contains("scope");
        checked.add(method + " " + template);
      }
    }
    assertThat(checked)
        .contains(
            "POST /api/v1/conversations/{conversationId}/messages",
            "POST /api/v1/organizations/{id}/tasks",
            "PATCH /api/v1/uploads/{uploadId}",
            "POST /api/v1/me/tokens",
            "DELETE /api/v1/me/tokens/{tokenId}",
            "POST /api/v1/files/{fileId}/versions",
            "POST /api/v1/routines/{routineId}/runs",
            "POST /api/v1/organizations/{id}/webhooks",
            "POST /api/v1/me/export",
            "DELETE /api/v1/me",
            "DELETE /api/v1/tenant/users/{userId}");
  }

  @Test
  void forgedExpiredAndDisabledTokensAreRefusedSayingWhy() throws Exception {
    HttpResponse<String> forged = call("GET", "api/v1/me", null, "ph_" + UUID.randomUUID());
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(Platform.json(forged).get("detail").asText()).contains("valid access token");

    JsonNode made =
        Platform.json(
            call("POST", "api/v1/me/tokens", "{\"name\":\"old\",\"scopes\":[\"read\"]}", boss));
    PlatformIT.execute(
        "update api_token set expires_at = now() - interval '1 minute' where id = '"
            + made.get("id").asText()
            + "'");
    HttpResponse<String> expired = call("GET", "api/v1/me", null, made.get("token").asText());
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(Platform.json(expired).get("detail").asText()).contains("expired");

    String workerEmail = Accounts.newEmail("worker", "example.com");
    String workerId = signUp(workerEmail);
    String worker = Accounts.accessToken(Platform.API, workerEmail, Accounts.PASSWORD);
    String workerToken = token(worker, "worker", "\"read\"");
    assertThat(call("GET", "api/v1/me", null, workerToken).statusCode()).isEqualTo(200);
    assertThat(
            call("PATCH", "api/v1/tenant/users/" + workerId, "{\"disabled\":true}", boss)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> disabled = call("GET", "api/v1/me", null, workerToken);
    assertThat(disabled.statusCode()).isEqualTo(401);
    assertThat(Platform.json(disabled).get("detail").asText()).contains("disabled");

    for (String bad :
        new String[] {
          "{\"name\":\"x\",\"scopes\":[\"root\"]}",
          "{\"name\":\"x\",\"scopes\":[]}",
          "{\"name\":\"\",\"scopes\":[\"read\"]}",
          "{\"name\":\"x\",\"scopes\":[\"read\"],\"expiresInDays\":0}",
          "{\"name\":\"x\",\"scopes\":[\"read\"],\"expiresInDays\":400}"
        }) {
      HttpResponse<String> refused = call("POST", "api/v1/me/tokens", bad, boss);
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
  }

  @Test
  void aTenantAdminMakesAServiceAccountThatActsOnlyThroughItsTokens() throws Exception {
    String organization =
        Platform.json(call("POST", "api/v1/organizations", "{\"name\":\"Bot Co\"}", boss))
            .get("id")
            .asText();
    HttpResponse<String> made =
        call(
            "POST",
            "api/v1/tenant/service-accounts",
            "{\"name\":\"Release bot\",\"memberships\":[{\"organizationId\":\""
                + organization
                + "\",\"role\":\"MEMBER\"}]}",
            boss);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode bot = Platform.json(made);
    String botId = bot.get("id").asText();
    String botEmail = bot.get("email").asText();
    assertThat(botEmail).endsWith("@service-accounts.invalid");
    assertThat(
            Platform.json(call("GET", "api/v1/tenant/service-accounts", null, boss))
                .get("items")
                .findValuesAsText("name"))
        .containsExactly("Release bot");

    HttpResponse<String> issued =
        call(
            "POST",
            "api/v1/tenant/service-accounts/" + botId + "/tokens",
            "{\"name\":\"CI\",\"scopes\":[\"read\",\"tasks\"]}",
            boss);
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    String botToken = Platform.json(issued).get("token").asText();
    assertThat(Platform.json(call("GET", "api/v1/me", null, botToken)).get("id").asText())
        .isEqualTo(botId);
    assertThat(
            Platform.json(call("GET", "api/v1/organizations", null, botToken))
                .get("items")
                .findValuesAsText("name"))
        .containsExactly("Bot Co");
    assertThat(
            call(
                    "POST",
                    "api/v1/organizations/" + organization + "/tasks",
                    "{\"title\":\"Release notes\"}",
                    botToken)
                .statusCode())
        .isEqualTo(201);

    // no password, no mailed link: a service account signs in by no other way
    assertThat(Accounts.login(botEmail, "service-account").statusCode()).isEqualTo(401);
    Platform.post(
        "api/v1/auth/forgot-password",
        "{\"email\":\"" + botEmail + "\",\"tenant\":\"" + tenant + "\"}");
    assertThat(
            PlatformIT.query(
                "select count(*) from mail_message where recipient = '" + botEmail + "'"))
        .isEqualTo("0");

    String workerEmail = Accounts.newEmail("worker", "example.com");
    signUp(workerEmail);
    String worker = Accounts.accessToken(Platform.API, workerEmail, Accounts.PASSWORD);
    assertThat(call("GET", "api/v1/tenant/service-accounts", null, worker).statusCode())
        .isEqualTo(403);
    assertThat(
            call("GET", "api/v1/tenant/service-accounts/" + botId + "/tokens", null, worker)
                .statusCode())
        .isEqualTo(403);
    String rivalEmail = Accounts.newEmail("rival", "example.com");
    String rival = Accounts.tenant("rival", false, rivalEmail);
    assertThat(Accounts.register(rivalEmail, Accounts.PASSWORD, rival).statusCode()).isEqualTo(201);
    String rivalAdmin = Accounts.accessToken(Platform.API, rivalEmail, Accounts.PASSWORD);
    assertThat(
            call(
                    "POST",
                    "api/v1/tenant/service-accounts/" + botId + "/tokens",
                    "{\"name\":\"stolen\",\"scopes\":[\"read\"]}",
                    rivalAdmin)
                .statusCode())
        .as("another tenant's admin")
        .isEqualTo(404);

    assertThat(
            call("PATCH", "api/v1/tenant/users/" + botId, "{\"disabled\":true}", boss).statusCode())
        .isEqualTo(200);
    assertThat(call("GET", "api/v1/organizations", null, botToken).statusCode()).isEqualTo(401);
  }

  private String signUp(String email) throws Exception {
    HttpResponse<String> created = Accounts.register(email, Accounts.PASSWORD, tenant);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }

  /** A new token of the caller's own with these scopes (JSON strings). */
  private static String token(String bearer, String name, String scopes) throws Exception {
    HttpResponse<String> made =
        call(
            "POST",
            "api/v1/me/tokens",
            "{\"name\":\"" + name + "\",\"scopes\":[" + scopes + "]}",
            bearer);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return Platform.json(made).get("token").asText();
  }

  private static HttpResponse<String> call(String method, String path, String body, String bearer)
      throws Exception {
    return Platform.send(method, path, body, "Authorization", "Bearer " + bearer);
  }

  private static String sha256(String token) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
  }
}
