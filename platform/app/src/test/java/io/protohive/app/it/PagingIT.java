package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every list walked page by page gives each of its items once, and only the caller's. */
@ExtendWith(ArquillianExtension.class)
class PagingIT {

  private static final int EACH = 5;

  /** The lists the fixture fills with more than two items; the others may hold fewer. */
  private static final List<String> FILLED =
      List.of(
          "api/v1/organizations",
          "api/v1/organizations/{id}/members",
          "api/v1/organizations/{id}/agents",
          "api/v1/organizations/{id}/tasks",
          "api/v1/organizations/{id}/conversations",
          "api/v1/tenant/users",
          "api/v1/tenant/audit",
          "api/v1/plugins",
          "api/v1/organization-templates",
          "api/v1/me/sessions");

  /** One tenant with several of everything, made once for every list's walk. */
  private static Fixture fixture;

  private record Fixture(
      PluginsApi.TenantAdmin owner, String organization, List<String> memberEmails) {}

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "api/v1/organizations",
        "api/v1/organizations/{id}/members",
        "api/v1/organizations/{id}/agents",
        "api/v1/organizations/{id}/tasks",
        "api/v1/organizations/{id}/conversations",
        "api/v1/organizations/{id}/approvals",
        "api/v1/tenant/users",
        "api/v1/tenant/audit",
        "api/v1/plugins",
        "api/v1/plugins/updates",
        "api/v1/organization-templates",
        "api/v1/me/sessions",
        "api/v1/tools",
        "api/v1/llm/providers",
        "api/v1/tenant/budgets",
        "api/v1/platform/publishers",
        "api/v1/platform/llm-prices"
      })
  void aListWalkedByCursorGivesEveryItemOnce(String list) throws Exception {
    Fixture given = fixture();
    String path = list.replace("{id}", given.organization());
    if (list.endsWith("/audit")) {
      // each read of the trail adds an entry: walk the trail as it stood before the walk
      path += "?to=" + Instant.now();
    }
    String query = path.contains("?") ? "&" : "?";
    String[] bearer =
        list.contains("/platform/") || list.endsWith("/updates")
            ? PluginsApi.platformAdmin()
            : given.owner().bearer();
    JsonNode whole = Platform.json(Platform.get(path + query + "limit=200", bearer));
    assertThat(whole.get("nextCursor").isNull()).as(path + " fits in one page").isTrue();
    List<String> expected = identities(whole.get("items"));

    List<String> walked = new ArrayList<>();
    int pages = 0;
    String cursor = null;
    do {
      HttpResponse<String> response =
          Platform.get(
              path + query + "limit=2" + (cursor == null ? "" : "&cursor=" + encode(cursor)),
              bearer);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode page = Platform.json(response);
      assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
      walked.addAll(identities(page.get("items")));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 100);

    assertThat(walked).as(path).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    if (FILLED.contains(list)) {
      assertThat(walked.size()).as(path + " has several pages").isGreaterThan(2);
    }
    assertThat(Platform.get(path + query + "limit=201", bearer).statusCode()).isEqualTo(400);
    assertThat(Platform.get(path + query + "cursor=garbage", bearer).statusCode()).isEqualTo(400);
  }

  @Test
  void theOutboxIsReadNewestFirstPageByPage() throws Exception {
    for (String email : fixture().memberEmails()) {
      assertThat(
              Platform.post(
                      "api/v1/auth/forgot-password",
                      "{\"email\":\""
                          + email
                          + "\",\"tenant\":\""
                          + fixture().owner().tenant()
                          + "\"}")
                  .statusCode())
          .isEqualTo(202);
    }
    String[] admin = PluginsApi.platformAdmin();
    List<String> walked = new ArrayList<>();
    List<String> times = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 3; page++) {
      HttpResponse<String> response =
          Platform.get(
              "api/v1/platform/mail?limit=2" + (cursor == null ? "" : "&cursor=" + encode(cursor)),
              admin);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode items = Platform.json(response).get("items");
      assertThat(items.size()).isEqualTo(2);
      walked.addAll(identities(items));
      items.forEach(item -> times.add(item.get("createdAt").asText()));
      cursor = Platform.json(response).get("nextCursor").asText();
    }

    assertThat(walked).doesNotHaveDuplicates().hasSize(6);
    assertThat(times.stream().map(Instant::parse).toList())
        .isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void anotherTenantsCursorShowsNothingOfThatTenant() throws Exception {
    Fixture given = fixture();
    String members = "api/v1/organizations/" + given.organization() + "/members";
    String cursor =
        Platform.json(Platform.get(members + "?limit=1", given.owner().bearer()))
            .get("nextCursor")
            .asText();
    String users =
        Platform.json(Platform.get("api/v1/tenant/users?limit=1", given.owner().bearer()))
            .get("nextCursor")
            .asText();
    PluginsApi.TenantAdmin stranger = PluginsApi.newTenantAdminAccount("stranger");
    String own =
        Platform.json(
                Platform.post("api/v1/organizations", "{\"name\":\"Own\"}", stranger.bearer()))
            .get("id")
            .asText();

    HttpResponse<String> theirs = Platform.get(members + "?cursor=" + cursor, stranger.bearer());
    HttpResponse<String> ownMembers =
        Platform.get(
            "api/v1/organizations/" + own + "/members?cursor=" + cursor, stranger.bearer());
    HttpResponse<String> ownUsers =
        Platform.get("api/v1/tenant/users?cursor=" + users, stranger.bearer());

    assertThat(theirs.statusCode()).isEqualTo(404);
    for (HttpResponse<String> response : List.of(theirs, ownMembers, ownUsers)) {
      for (String email : given.memberEmails()) {
        assertThat(response.body()).doesNotContain(email);
      }
      assertThat(response.body()).doesNotContain(given.owner().email());
    }
    assertThat(ownMembers.statusCode()).isEqualTo(200);
    assertThat(ownUsers.statusCode()).isEqualTo(200);
  }

  private static synchronized Fixture fixture() throws Exception {
    if (fixture != null) {
      return fixture;
    }
    PluginsApi.TenantAdmin owner = PluginsApi.newTenantAdminAccount("pages");
    String[] bearer = owner.bearer();
    List<String> organizations = new ArrayList<>();
    for (int i = 1; i <= EACH; i++) {
      organizations.add(
          Platform.json(
                  Platform.post("api/v1/organizations", "{\"name\":\"Org " + i + "\"}", bearer))
              .get("id")
              .asText());
    }
    String organization = organizations.get(0);
    String base = "api/v1/organizations/" + organization;
    List<String> emails = new ArrayList<>();
    List<String> agents = new ArrayList<>();
    for (int i = 1; i <= EACH; i++) {
      String email = "member-" + UUID.randomUUID() + "@example.com";
      assertThat(Accounts.register(email, Accounts.PASSWORD, owner.tenant()).statusCode())
          .isEqualTo(201);
      assertThat(
              Platform.post(
                      base + "/members",
                      "{\"email\":\"" + email + "\",\"role\":\"MEMBER\"}",
                      bearer)
                  .statusCode())
          .isEqualTo(201);
      emails.add(email);
      agents.add(
          Platform.json(
                  Platform.post(
                      base + "/agents", "{\"name\":\"Agent " + i + "\",\"role\":\"R\"}", bearer))
              .get("id")
              .asText());
      assertThat(
              Platform.post(base + "/tasks", "{\"title\":\"Task " + i + "\"}", bearer).statusCode())
          .isEqualTo(201);
      assertThat(
              Platform.post(
                      "api/v1/conversations",
                      "{\"organizationId\":\""
                          + organization
                          + "\",\"agentIds\":[\""
                          + agents.get(i - 1)
                          + "\"]}",
                      bearer)
                  .statusCode())
          .isEqualTo(201);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(Accounts.login(owner.email(), Accounts.PASSWORD).statusCode()).isEqualTo(200);
    }
    fixture = new Fixture(owner, organization, emails);
    return fixture;
  }

  /** What tells the items of a list apart: their id, or the whole item when it has none. */
  private static List<String> identities(JsonNode items) {
    List<String> identities = new ArrayList<>();
    for (JsonNode item : items) {
      JsonNode id = item.has("id") ? item.get("id") : item.get("userId");
      identities.add(id == null ? item.toString() : id.asText());
    }
    return identities;
  }

  private static String encode(String cursor) {
    return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
  }
}
