package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Platform admins manage tenants through /api/v1/platform/tenants. */
@ExtendWith(ArquillianExtension.class)
class PlatformTenantsIT {

  private static final String TENANTS = "api/v1/platform/tenants";

  private String[] admin;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void signIn() throws Exception {
    admin = PluginsApi.platformAdmin();
  }

  @Test
  void aPlatformAdminCreatesListsAndChangesATenantWhosePeopleThenSignUp() throws Exception {
    String slug = slug("acme");
    String adminEmail = "boss-" + UUID.randomUUID() + "@acme.example";
    HttpResponse<String> created =
        Platform.post(
            TENANTS,
            "{\"slug\":\""
                + slug
                + "\",\"name\":\"Acme\",\"selfSignup\":true,\"emailVerification\":false,"
                + "\"allowedEmailDomains\":[\"Acme.example\"],\"admins\":[\""
                + adminEmail
                + "\"]}",
            admin);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode tenant = Platform.json(created);
    String id = tenant.get("id").asText();
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith(id));
    assertThat(tenant.get("origin").asText()).isEqualTo("API");
    assertThat(tenant.get("disabled").asBoolean()).isFalse();
    assertThat(tenant.get("allowedEmailDomains").get(0).asText()).isEqualTo("acme.example");
    assertThat(Platform.json(Platform.get(TENANTS + "/" + id, admin)).get("slug").asText())
        .isEqualTo(slug);
    assertThat(PlatformIT.query("select origin from tenant where id = '" + id + "'"))
        .isEqualTo("API");
    assertThat(
            PlatformIT.query(
                "select count(*) from audit_event where action = 'TENANT_CREATED'"
                    + " and subject = '"
                    + slug
                    + "'"))
        .isEqualTo("1");

    assertThat(Accounts.register("someone@elsewhere.example", Accounts.PASSWORD, slug).statusCode())
        .as("the allowed domains hold")
        .isEqualTo(400);
    assertThat(Accounts.register(adminEmail, Accounts.PASSWORD, slug).statusCode()).isEqualTo(201);
    assertThat(Platform.json(Accounts.login(adminEmail, Accounts.PASSWORD)).has("accessToken"))
        .isTrue();

    HttpResponse<String> renamed =
        Platform.send(
            "PATCH",
            TENANTS + "/" + id,
            "{\"name\":\"Acme Corporation\",\"selfSignup\":false}",
            admin);
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(Platform.json(renamed).get("name").asText()).isEqualTo("Acme Corporation");
    assertThat(Platform.json(renamed).get("admins").get(0).asText()).isEqualTo(adminEmail);
    assertThat(
            Accounts.register(
                    "late-" + UUID.randomUUID() + "@acme.example", Accounts.PASSWORD, slug)
                .statusCode())
        .as("sign-up is closed now")
        .isEqualTo(400);
  }

  @Test
  void theListIsCursorPaged() throws Exception {
    Platform.post(TENANTS, "{\"slug\":\"" + slug("paged") + "\",\"name\":\"One\"}", admin);
    Platform.post(TENANTS, "{\"slug\":\"" + slug("paged") + "\",\"name\":\"Two\"}", admin);

    JsonNode first = Platform.json(Platform.get(TENANTS + "?limit=1", admin));
    assertThat(first.get("items")).hasSize(1);
    String cursor = first.get("nextCursor").asText();
    JsonNode second = Platform.json(Platform.get(TENANTS + "?limit=1&cursor=" + cursor, admin));
    assertThat(second.get("items")).hasSize(1);
    assertThat(second.get("items").get(0).get("id"))
        .isNotEqualTo(first.get("items").get(0).get("id"));
    assertThat(Platform.get(TENANTS + "?limit=500", admin).statusCode()).isEqualTo(400);
    assertThat(Platform.get(TENANTS + "?cursor=nonsense", admin).statusCode()).isEqualTo(400);
  }

  @Test
  void aDisabledTenantsPeopleCannotSignInOrRefreshUntilItIsEnabledAgain() throws Exception {
    String slug = slug("frozen");
    String id =
        Platform.json(
                Platform.post(
                    TENANTS,
                    "{\"slug\":\""
                        + slug
                        + "\",\"name\":\"Frozen\",\"selfSignup\":true,\"emailVerification\":false}",
                    admin))
            .get("id")
            .asText();
    String email = "ice-" + UUID.randomUUID() + "@example.com";
    assertThat(Accounts.register(email, Accounts.PASSWORD, slug).statusCode()).isEqualTo(201);
    HttpResponse<String> login = Accounts.login(email, Accounts.PASSWORD);
    assertThat(login.statusCode()).isEqualTo(200);
    String refreshCookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("protohive_refresh="))
            .findFirst()
            .orElseThrow()
            .split(";")[0];

    HttpResponse<String> disabled =
        Platform.send("PATCH", TENANTS + "/" + id, "{\"disabled\":true}", admin);
    assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
    assertThat(Platform.json(disabled).get("disabled").asBoolean()).isTrue();

    HttpResponse<String> refused = Accounts.login(email, Accounts.PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Platform.json(refused).get("detail").asText()).contains("tenant is disabled");
    assertThat(Platform.post("api/v1/auth/refresh", "", "Cookie", refreshCookie).statusCode())
        .isEqualTo(403);
    assertThat(
            Accounts.register("new-" + UUID.randomUUID() + "@example.com", Accounts.PASSWORD, slug)
                .statusCode())
        .as("its sign-up is closed")
        .isEqualTo(400);
    assertThat(
            PlatformIT.query(
                "select count(*) from audit_event where action = 'TENANT_DISABLED'"
                    + " and tenant_id = '"
                    + id
                    + "'"))
        .isEqualTo("1");

    Platform.send("PATCH", TENANTS + "/" + id, "{\"disabled\":false}", admin);
    assertThat(Accounts.login(email, Accounts.PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void aTenantFromTenantsConfigIsReadOnly() throws Exception {
    String demo = PlatformIT.query("select id from tenant where slug = 'demo'");

    assertThat(Platform.json(Platform.get(TENANTS + "/" + demo, admin)).get("origin").asText())
        .isEqualTo("CONFIG");
    HttpResponse<String> refused =
        Platform.send("PATCH", TENANTS + "/" + demo, "{\"disabled\":true}", admin);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Platform.json(refused).get("detail").asText()).contains("managed by tenants-config");
    assertThat(PlatformIT.query("select disabled::text from tenant where slug = 'demo'"))
        .isEqualTo("false");
  }

  @Test
  void badInputIsRefusedWithProblemDetailsAndChangesNothing() throws Exception {
    long before = Long.parseLong(PlatformIT.query("select count(*) from tenant"));
    String taken = slug("taken");
    assertThat(
            Platform.post(TENANTS, "{\"slug\":\"" + taken + "\",\"name\":\"Taken\"}", admin)
                .statusCode())
        .isEqualTo(201);

    HttpResponse<String> badSlug =
        Platform.post(TENANTS, "{\"slug\":\"Not A Slug!\",\"name\":\"Bad\"}", admin);
    assertThat(badSlug.statusCode()).isEqualTo(400);
    assertThat(Platform.json(badSlug).get("errors").has("slug")).isTrue();
    HttpResponse<String> duplicate =
        Platform.post(TENANTS, "{\"slug\":\"" + taken + "\",\"name\":\"Again\"}", admin);
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(duplicate.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> badEmail =
        Platform.post(
            TENANTS,
            "{\"slug\":\"" + slug("mail") + "\",\"name\":\"Mail\",\"admins\":[\"not-an-email\"]}",
            admin);
    assertThat(badEmail.statusCode()).isEqualTo(400);
    assertThat(Platform.json(badEmail).get("errors").has("admins")).isTrue();
    assertThat(
            Platform.post(
                    TENANTS,
                    "{\"slug\":\""
                        + slug("dom")
                        + "\",\"name\":\"D\",\"allowedEmailDomains\":[\"x\"]}",
                    admin)
                .statusCode())
        .isEqualTo(400);
    assertThat(Platform.post(TENANTS, "{\"slug\":\"" + slug("n") + "\"}", admin).statusCode())
        .as("a name is required")
        .isEqualTo(400);
    assertThat(Platform.get(TENANTS + "/" + UUID.randomUUID(), admin).statusCode()).isEqualTo(404);

    String id = PlatformIT.query("select id from tenant where slug = '" + taken + "'");
    HttpResponse<String> badChange =
        Platform.send(
            "PATCH", TENANTS + "/" + id, "{\"name\":\"Renamed\",\"admins\":[\"nope\"]}", admin);
    assertThat(badChange.statusCode()).isEqualTo(400);
    assertThat(badChange.body()).doesNotContain("Exception", "java.");
    assertThat(PlatformIT.query("select name from tenant where id = '" + id + "'"))
        .as("a refused change changes nothing")
        .isEqualTo("Taken");
    assertThat(Long.parseLong(PlatformIT.query("select count(*) from tenant")))
        .isEqualTo(before + 1);
  }

  @Test
  void peopleWhoAreNotPlatformAdminsAreRefused() throws Exception {
    String[] tenantAdmin = PluginsApi.newTenantAdmin("climber");
    String demo = PlatformIT.query("select id from tenant where slug = 'demo'");

    assertThat(Platform.get(TENANTS, tenantAdmin).statusCode()).isEqualTo(403);
    assertThat(
            Platform.post(
                    TENANTS, "{\"slug\":\"" + slug("mine") + "\",\"name\":\"M\"}", tenantAdmin)
                .statusCode())
        .isEqualTo(403);
    assertThat(Platform.get(TENANTS + "/" + demo, tenantAdmin).statusCode()).isEqualTo(403);
    assertThat(
            Platform.send("PATCH", TENANTS + "/" + demo, "{\"name\":\"Mine\"}", tenantAdmin)
                .statusCode())
        .isEqualTo(403);
    assertThat(Platform.get(TENANTS).statusCode()).isEqualTo(401);
  }

  @Test
  void aPlatformAdminSetsATenantsFileQuotaAndStoreThatUploadsThenMeet() throws Exception {
    String slug = slug("files");
    String ownerEmail = "owner-" + UUID.randomUUID() + "@files.example";
    HttpResponse<String> created =
        Platform.post(
            TENANTS,
            "{\"slug\":\""
                + slug
                + "\",\"name\":\"Files\",\"selfSignup\":true,\"emailVerification\":false,"
                + "\"admins\":[\""
                + ownerEmail
                + "\"],\"fileQuotaBytes\":1048576,\"fileStore\":\"disk\"}",
            admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode tenant = Platform.json(created);
    String id = tenant.get("id").asText();
    assertThat(tenant.get("fileQuotaBytes").asLong()).isEqualTo(1_048_576);
    assertThat(tenant.get("fileStore").asText()).isEqualTo("disk");
    assertThat(tenant.get("fileBytesUsed").asLong()).isZero();
    assertThat(
            PlatformIT.query(
                "select file_quota_bytes || ' ' || file_store from tenant where id = '" + id + "'"))
        .isEqualTo("1048576 disk");

    assertThat(Accounts.register(ownerEmail, Accounts.PASSWORD, slug).statusCode()).isEqualTo(201);
    String[] owner =
        PluginsApi.bearer(
            Platform.json(Accounts.login(ownerEmail, Accounts.PASSWORD))
                .get("accessToken")
                .asText());
    String organization =
        Platform.json(Platform.post("api/v1/organizations", "{\"name\":\"Northwind\"}", owner))
            .get("id")
            .asText();
    HttpResponse<String> lowered =
        Platform.send("PATCH", TENANTS + "/" + id, "{\"fileQuotaBytes\":30000}", admin);
    assertThat(lowered.statusCode()).as(lowered.body()).isEqualTo(200);
    assertThat(Platform.json(lowered).get("fileStore").asText())
        .as("what the change leaves out is kept")
        .isEqualTo("disk");

    byte[] text = "Minutes of the meeting. ".repeat(800).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> first = upload(organization, "minutes.txt", text, owner);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    HttpResponse<String> over = upload(organization, "minutes-2.txt", text, owner);
    assertThat(over.statusCode()).isEqualTo(413);
    assertThat(over.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Platform.json(Platform.get(TENANTS + "/" + id, admin)).get("fileBytesUsed").asLong())
        .isEqualTo(text.length);

    HttpResponse<String> cleared =
        Platform.send(
            "PATCH",
            TENANTS + "/" + id,
            "{\"clearFileQuota\":true,\"clearFileStore\":true}",
            admin);
    assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
    assertThat(Platform.json(cleared).path("fileQuotaBytes").asText(null)).isNull();
    assertThat(Platform.json(cleared).path("fileStore").asText(null)).isNull();
    assertThat(
            PlatformIT.query(
                "select count(*) from tenant where id = '"
                    + id
                    + "' and file_quota_bytes is null and file_store is null"))
        .isEqualTo("1");
    assertThat(upload(organization, "minutes-2.txt", text, owner).statusCode())
        .as("the platform's default quota holds again")
        .isEqualTo(201);
    assertThat(
            Platform.send("PATCH", TENANTS + "/" + id, "{\"fileQuotaBytes\":1}", owner)
                .statusCode())
        .as("the tenant's own admin cannot raise or lower its quota")
        .isEqualTo(403);
    assertThat(
            Platform.send("PATCH", TENANTS + "/" + id, "{\"fileStore\":\"s3\"}", owner)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            PlatformIT.query(
                "select count(*) from tenant where id = '"
                    + id
                    + "' and file_quota_bytes is null and file_store is null"))
        .isEqualTo("1");
  }

  @Test
  void badFileSettingsAreRefusedByFieldAndChangeNothing() throws Exception {
    String slug = slug("quota");
    HttpResponse<String> created =
        Platform.post(
            TENANTS,
            "{\"slug\":\"" + slug + "\",\"name\":\"Quota\",\"fileQuotaBytes\":5000}",
            admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = Platform.json(created).get("id").asText();

    HttpResponse<String> negative =
        Platform.send(
            "PATCH", TENANTS + "/" + id, "{\"name\":\"Renamed\",\"fileQuotaBytes\":-1}", admin);
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(negative.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Platform.json(negative).get("errors").has("fileQuotaBytes")).isTrue();
    HttpResponse<String> nothing =
        Platform.send("PATCH", TENANTS + "/" + id, "{\"fileQuotaBytes\":0}", admin);
    assertThat(nothing.statusCode()).isEqualTo(400);
    HttpResponse<String> unknownStore =
        Platform.send(
            "PATCH", TENANTS + "/" + id, "{\"fileQuotaBytes\":9000,\"fileStore\":\"tape\"}", admin);
    assertThat(unknownStore.statusCode()).isEqualTo(400);
    assertThat(Platform.json(unknownStore).get("errors").get("fileStore").asText())
        .contains("disk", "s3");
    assertThat(unknownStore.body()).doesNotContain("Exception", "java.");
    assertThat(
            Platform.post(
                    TENANTS,
                    "{\"slug\":\"" + slug("store") + "\",\"name\":\"S\",\"fileStore\":\"tape\"}",
                    admin)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            PlatformIT.query(
                "select name || ' ' || file_quota_bytes || ' ' || coalesce(file_store, '-')"
                    + " from tenant where id = '"
                    + id
                    + "'"))
        .as("a refused change changes nothing")
        .isEqualTo("Quota 5000 -");

    String demo = PlatformIT.query("select id from tenant where slug = 'demo'");
    HttpResponse<String> managed =
        Platform.send("PATCH", TENANTS + "/" + demo, "{\"fileQuotaBytes\":1}", admin);
    assertThat(managed.statusCode()).isEqualTo(409);
    assertThat(
            PlatformIT.query(
                "select coalesce(file_quota_bytes::text, '-') from tenant where slug = 'demo'"))
        .isEqualTo("-");
  }

  private static HttpResponse<String> upload(
      String organization, String name, byte[] content, String[] who) throws Exception {
    return Platform.multipart(
        "api/v1/organizations/" + organization + "/files", name, content, Map.of(), who);
  }

  private static String slug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
