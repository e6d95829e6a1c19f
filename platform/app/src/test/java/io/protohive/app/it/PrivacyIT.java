package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A person takes their data and leaves: their export holds their data and no one else's, reaches
 * them alone; their erasure leaves neither their address nor their name in any column of any table,
 * while their messages stay, written by "deleted user".
 */
@ExtendWith(ArquillianExtension.class)
class PrivacyIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A person of the test, with the unique strings that mark their data. */
  private record Person(String id, String email, String name, String[] bearer, String marker) {}

  private String tenant;
  private String[] admin;
  private Person alice;
  private Person bob;
  private Person carol;
  private String organization;
  private String alicesConversation;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  /**
   * Alice owns an organization with Bob in it, and Carol is in another tenant; each keeps a
   * conversation, a task and a file of their own, marked with their unique string.
   */
  @BeforeEach
  void twoPeopleOfATenantAndAThirdElsewhere() throws Exception {
    String adminEmail = Accounts.newEmail("admin", "example.com");
    tenant = Accounts.tenant("privacy", false, adminEmail);
    admin = person(adminEmail, tenant).bearer();
    alice = person(Accounts.newEmail("alice", "example.com"), tenant);
    bob = person(Accounts.newEmail("bob", "example.com"), tenant);
    carol = person(Accounts.newEmail("carol", "example.org"), Accounts.tenant("other", false, ""));

    organization = organization(alice);
    assertThat(
            Platform.post(
                    "api/v1/organizations/" + organization + "/members",
                    "{\"email\":\"" + bob.email() + "\",\"role\":\"MEMBER\"}",
                    alice.bearer())
                .statusCode())
        .isEqualTo(201);
    alicesConversation = keepData(alice, organization);
    keepData(bob, organization);
    keepData(carol, organization(carol));
  }

  @Test
  void anExportHoldsThePersonsDataAndNobodyElses() throws Exception {
    HttpResponse<String> token =
        Platform.post(
            "api/v1/me/tokens",
            "{\"name\":\"token-" + alice.marker() + "\",\"scopes\":[\"read\"]}",
            alice.bearer());
    assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
    String secret = Platform.json(token).get("token").asText();

    HttpResponse<String> asked = Platform.post("api/v1/me/export", null, alice.bearer());
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    String location = asked.headers().firstValue("Location").orElseThrow();
    String exportId = awaitReady(Platform.json(asked));
    assertThat(location).endsWith("/api/v1/me/exports/" + exportId);

    String link = mailedLink(alice.email());
    assertThat(link).endsWith("/api/v1/me/exports/" + exportId + "/content");
    HttpResponse<byte[]> download = bytes(link, alice.bearer());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/zip");
    Map<String, String> entries = unzip(download.body());
    String everything = String.join("\n", entries.values());

    assertThat(entries)
        .containsKeys(
            "profile.json",
            "memberships.json",
            "conversations.json",
            "tasks.json",
            "api-tokens.json",
            "audit.json",
            "files.json");
    assertThat(entries.get("profile.json")).contains(alice.email(), alice.name());
    assertThat(entries.get("conversations.json")).contains("message-" + alice.marker());
    assertThat(entries.get("tasks.json")).contains("task-" + alice.marker());
    assertThat(entries.get("api-tokens.json")).contains("token-" + alice.marker());
    assertThat(entries.get("memberships.json")).contains(organization, "OWNER");
    assertThat(entries.get("audit.json")).contains("SIGN_IN");
    assertThat(entries.keySet())
        .anyMatch(name -> name.endsWith("/file-" + alice.marker() + ".txt"));
    assertThat(everything).contains("bytes-" + alice.marker());
    for (Person other : List.of(bob, carol)) {
      assertThat(everything).doesNotContain(other.marker(), other.email(), other.name());
    }
    assertThat(everything).doesNotContain(secret);

    for (String[] other : List.of(bob.bearer(), carol.bearer(), admin)) {
      assertThat(Platform.get("api/v1/me/exports/" + exportId, other).statusCode()).isEqualTo(404);
      assertThat(bytes(link, other).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void erasingTheLastOwnerIsRefusedAndChangesNothing() throws Exception {
    HttpResponse<String> refused =
        Platform.send("DELETE", "api/v1/me", confirmation(alice), alice.bearer());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(refused.body()).contains("last owner", "owner", "delete the organization");
    HttpResponse<String> byAdmin =
        Platform.send("DELETE", "api/v1/tenant/users/" + alice.id(), null, admin);
    assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(409);

    assertThat(Accounts.login(alice.email(), Accounts.PASSWORD).statusCode()).isEqualTo(200);
    assertThat(hits(alice.email())).isNotEmpty();
    assertThat(
            PlatformIT.query(
                "select count(*) from membership where user_id = '" + alice.id() + "'"))
        .isEqualTo("1");
    assertThat(
            PlatformIT.query(
                "select count(*) from audit_event where action = 'ACCOUNT_ERASED' and subject = '"
                    + alice.id()
                    + "'"))
        .isEqualTo("0");
  }

  @Test
  void erasureAsksForTheAddressAndIsOnlyAnAdminsForOthersOfTheirTenant() throws Exception {
    assertThat(
            Platform.send("DELETE", "api/v1/me", "{\"email\":\"nobody@example.com\"}", bob.bearer())
                .statusCode())
        .isEqualTo(400);
    assertThat(Platform.send("DELETE", "api/v1/me", "{}", bob.bearer()).statusCode())
        .isEqualTo(400);
    assertThat(
            Platform.send("DELETE", "api/v1/tenant/users/" + alice.id(), null, bob.bearer())
                .statusCode())
        .isEqualTo(403);
    assertThat(
            Platform.send("DELETE", "api/v1/tenant/users/" + carol.id(), null, admin).statusCode())
        .isEqualTo(404);
    assertThat(Accounts.login(bob.email(), Accounts.PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void anErasedPersonLeavesNoAddressNorNameAndTheirMessagesStayAsDeletedUser() throws Exception {
    assertThat(
            Platform.send(
                    "PATCH",
                    "api/v1/organizations/" + organization + "/members/" + bob.id(),
                    "{\"role\":\"OWNER\"}",
                    alice.bearer())
                .statusCode())
        .isEqualTo(200);
    awaitReady(Platform.json(Platform.post("api/v1/me/export", null, alice.bearer())));

    HttpResponse<String> erased =
        Platform.send("DELETE", "api/v1/me", confirmation(alice), alice.bearer());
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    JsonNode counts = Platform.json(erased).get("counts");
    assertThat(counts.get("memberships").asInt()).isEqualTo(1);
    assertThat(counts.get("files").asInt()).isEqualTo(1);
    assertThat(counts.get("accounts").asInt()).isEqualTo(1);

    assertThat(hits(alice.email())).isEmpty();
    assertThat(hits(alice.name())).isEmpty();
    assertThat(Accounts.login(alice.email(), Accounts.PASSWORD).statusCode()).isEqualTo(401);
    assertThat(Platform.get("api/v1/me", alice.bearer()).statusCode()).isEqualTo(401);
    assertThat(
            PlatformIT.query(
                "select u.display_name from message m join user_account u on u.id = m.author_id"
                    + " where m.conversation_id = '"
                    + alicesConversation
                    + "' and m.author_id = '"
                    + alice.id()
                    + "'"))
        .isEqualTo("deleted user");
    assertThat(
            PlatformIT.query(
                "select detail from audit_event where action = 'ACCOUNT_ERASED' and subject = '"
                    + alice.id()
                    + "'"))
        .contains("memberships=1", "files=1", "accounts=1");
    assertThat(hits(bob.email())).isNotEmpty();
  }

  @Test
  void aTenantAdminErasesAPersonOfTheTenant() throws Exception {
    HttpResponse<String> erased =
        Platform.send("DELETE", "api/v1/tenant/users/" + bob.id(), null, admin);
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(Platform.json(erased).get("counts").get("memberships").asInt()).isEqualTo(1);
    assertThat(hits(bob.email())).isEmpty();
    assertThat(hits(bob.name())).isEmpty();
    assertThat(Accounts.login(bob.email(), Accounts.PASSWORD).statusCode()).isEqualTo(401);
    // the trail names Bob by id now, each such entry marked erased, and its chain still holds
    assertThat(
            PlatformIT.query(
                "select count(*) from audit_event where subject_erased and subject like '%"
                    + bob.id()
                    + "%'"))
        .isNotEqualTo("0");
    JsonNode chain = Platform.json(Platform.get("api/v1/tenant/audit/verification", admin));
    assertThat(chain.has("firstBroken")).as(chain.toString()).isFalse();
  }

  /** Waits for Alice's export to be ready; its id. */
  private String awaitReady(JsonNode export) {
    String exportId = export.get("id").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Platform.json(Platform.get("api/v1/me/exports/" + exportId, alice.bearer()))
                    .get("status")
                    .asText(),
            "READY"::equals);
    return exportId;
  }

  /** Where the text appears: every text, varchar and JSON column of every table, by SQL. */
  private static List<String> hits(String text) throws Exception {
    List<String> hits = new ArrayList<>();
    try (Connection connection =
        DriverManager.getConnection(Platform.EMBEDDED_DB_URL, "postgres", "")) {
      List<String[]> columns = new ArrayList<>();
      try (PreparedStatement statement =
              connection.prepareStatement(
                  "select table_name, column_name from information_schema.columns c"
                      + " where table_schema = 'public' and data_type in ('text',"
                      + " 'character varying', 'character', 'json', 'jsonb', 'ARRAY')"
                      + " and exists (select 1 from information_schema.tables t where"
                      + " t.table_schema = c.table_schema and t.table_name = c.table_name"
                      + " and t.table_type = 'BASE TABLE')");
          ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          columns.add(new String[] {result.getString(1), result.getString(2)});
        }
      }
      assertThat(columns).hasSizeGreaterThan(50);
      for (String[] column : columns) {
        try (PreparedStatement statement =
            connection.prepareStatement(
                "select count(*) from \""
                    + column[0]
                    + "\" where strpos(lower(\""
                    + column[1]
                    + "\"::text), lower(?)) > 0")) {
          statement.setString(1, text);
          try (ResultSet result = statement.executeQuery()) {
            result.next();
            if (result.getLong(1) > 0) {
              hits.add(column[0] + "." + column[1]);
            }
          }
        }
      }
    }
    return hits;
  }

  private static String confirmation(Person person) {
    return "{\"email\":\"" + person.email() + "\"}";
  }

  private static Person person(String email, String tenant) throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 13);
    String name = "Person " + marker.toUpperCase();
    HttpResponse<String> registered =
        Platform.post(
            "api/v1/auth/register",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + Accounts.PASSWORD
                + "\",\"displayName\":\""
                + name
                + "\",\"tenant\":\""
                + tenant
                + "\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return new Person(
        Platform.json(registered).get("id").asText(),
        email,
        name,
        PluginsApi.bearer(Accounts.accessToken(Platform.API, email, Accounts.PASSWORD)),
        marker);
  }

  private static String organization(Person owner) throws Exception {
    HttpResponse<String> created =
        Platform.post(
            "api/v1/organizations",
            "{\"name\":\"Org of " + owner.marker() + "\",\"template\":\"software-startup\"}",
            owner.bearer());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }

  /** A conversation with a message, a task and a file of the person's, marked; the conversation. */
  private static String keepData(Person person, String organization) throws Exception {
    String agent =
        Platform.json(
                Platform.get("api/v1/organizations/" + organization + "/agents", person.bearer()))
            .get("items")
            .get(0)
            .get("id")
            .asText();
    HttpResponse<String> conversation =
        Platform.post(
            "api/v1/conversations",
            "{\"organizationId\":\"" + organization + "\",\"agentIds\":[\"" + agent + "\"]}",
            person.bearer());
    assertThat(conversation.statusCode()).as(conversation.body()).isEqualTo(201);
    String conversationId = Platform.json(conversation).get("id").asText();
    HttpResponse<String> message =
        Platform.post(
            "api/v1/conversations/" + conversationId + "/messages",
            "{\"content\":\"message-" + person.marker() + "\"}",
            person.bearer());
    assertThat(message.statusCode()).as(message.body()).isEqualTo(202);
    HttpResponse<String> task =
        Platform.post(
            "api/v1/organizations/" + organization + "/tasks",
            "{\"title\":\"task-" + person.marker() + "\",\"description\":\"for the export\"}",
            person.bearer());
    assertThat(task.statusCode()).as(task.body()).isEqualTo(201);
    HttpResponse<String> file =
        Platform.multipart(
            "api/v1/organizations/" + organization + "/files",
            "file-" + person.marker() + ".txt",
            ("bytes-" + person.marker()).getBytes(StandardCharsets.UTF_8),
            Map.of(),
            person.bearer());
    assertThat(file.statusCode()).as(file.body()).isEqualTo(201);
    return conversationId;
  }

  /** The link of the newest mail to the address that offers an export. */
  private static String mailedLink(String email) throws Exception {
    String body =
        PlatformIT.query(
            "select body from mail_message where recipient = '"
                + email
                + "' order by created_at desc limit 1");
    return body.lines()
        .map(String::strip)
        .filter(line -> line.startsWith("http") && line.contains("/api/v1/me/exports/"))
        .findFirst()
        .orElseThrow();
  }

  /** The link fetched as the person, at the server under test. */
  private static HttpResponse<byte[]> bytes(String link, String[] who)
      throws IOException, InterruptedException {
    String path = link.substring(link.indexOf("api/v1/"));
    return HTTP.send(
        HttpRequest.newBuilder(Platform.BASE.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .headers(who)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
