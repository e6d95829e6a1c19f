package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Message contents, summaries and memories are sealed with the tenant's field keys: the database
 * holds none of their words, people read them and find them by their words as before, and a
 * rotation reseals everything, what was written before sealing included, while the platform serves.
 */
@ExtendWith(ArquillianExtension.class)
class FieldEncryptionIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void theDatabaseHoldsNoWordOfAConversationAndARotationResealsEverything() throws Exception {
    Team team = Team.of("sealed", "disk");
    String tenantId = tenantOf(team);
    String conversation =
        conversationOf(
            team,
            "Where is the Zanzibarian marmalade recipe?",
            "The Zanzibarian marmalade recipe stays with us.");
    String messages = "api/v1/conversations/" + conversation + "/messages";

    assertThat(Platform.get(messages, team.owner).body())
        .contains("Where is the Zanzibarian marmalade recipe?")
        .contains("The Zanzibarian marmalade recipe stays with us.");
    assertThat(count("message", tenantId, "content_key is not null")).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("memory_chunk", tenantId, "content_key is not null") > 0);
    assertThat(count("message", tenantId, "content ilike '%zanzibarian%'")).isZero();
    assertThat(count("memory_chunk", tenantId, "content ilike '%zanzibarian%'")).isZero();
    assertThat(
            PlatformIT.query(
                "select count(*) from tenant_field_key where tenant_id = '" + tenantId + "'"))
        .isEqualTo("1");

    String search = "api/v1/conversations/search?organizationId=" + team.organization + "&q=";
    assertThat(contents(Platform.get(search + "ZANZIBARIAN+recipe", team.owner)))
        .containsExactlyInAnyOrder(
            "Where is the Zanzibarian marmalade recipe?",
            "The Zanzibarian marmalade recipe stays with us.");
    assertThat(contents(Platform.get(search + "marmalade+penguins", team.owner))).isEmpty();

    // a message written before sealing: in clear, with no key and no search terms
    UUID legacy = UUID.randomUUID();
    PlatformIT.execute(
        "insert into message (id, tenant_id, conversation_id, author_kind, author_id, content,"
            + " created_at) select '"
            + legacy
            + "', tenant_id, id, 'USER', created_by, 'An old note about Quetzalcoatl',"
            + " now() from conversation where id = '"
            + conversation
            + "'");
    assertThat(Platform.get(messages, team.owner).body())
        .contains("An old note about Quetzalcoatl");
    JsonNode before = fieldKeys(team);
    assertThat(before.get("keys").asInt()).isEqualTo(1);
    assertThat(before.get("behind").asLong()).isEqualTo(1);
    assertThat(Platform.get("api/v1/tenant/field-keys", team.member).statusCode())
        .as("a member who is no tenant admin")
        .isEqualTo(403);
    assertThat(Platform.post("api/v1/tenant/field-keys/rotations", "", team.member).statusCode())
        .isEqualTo(403);

    HttpResponse<String> rotated =
        Platform.post("api/v1/tenant/field-keys/rotations", "", team.owner);
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(202);
    long newKey = Platform.json(rotated).get("keyId").asLong();
    assertThat(newKey).isNotEqualTo(before.get("keyId").asLong());
    JsonNode after =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> fieldKeys(team),
                keys -> keys.get("keys").asInt() == 1 && keys.get("behind").asLong() == 0);
    assertThat(after.get("keyId").asLong()).isEqualTo(newKey);

    assertThat(count("message", tenantId, "content ilike '%quetzalcoatl%'")).isZero();
    assertThat(count("message", tenantId, "content_key is distinct from " + newKey))
        .as("every message resealed with the new key")
        .isZero();
    assertThat(count("memory_chunk", tenantId, "content_key is distinct from " + newKey)).isZero();
    assertThat(Platform.get(messages, team.owner).body())
        .contains("Where is the Zanzibarian marmalade recipe?")
        .contains("An old note about Quetzalcoatl");
    assertThat(contents(Platform.get(search + "quetzalcoatl", team.owner)))
        .containsExactly("An old note about Quetzalcoatl");
    assertThat(
            Platform.json(Platform.get("api/v1/tenant/audit?action=FIELD_KEYS_RETIRED", team.owner))
                .get("items"))
        .hasSize(1);
    assertThat(
            Platform.json(Platform.get("api/v1/tenant/audit?action=FIELD_KEY_ROTATED", team.owner))
                .get("items")
                .findValuesAsText("subject"))
        .containsExactly(Long.toString(newKey));

    String[] stranger = PluginsApi.newTenantAdmin("sealed-stranger");
    HttpResponse<String> foreign = Platform.get(search + "zanzibarian", stranger);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("Zanzibarian");
  }

  @Test
  void whatAnEarlierVersionWroteInClearIsSealedAfterAStart() throws Exception {
    Team upgraded = Team.of("unsealed", "disk");
    String upgradedTenant = tenantOf(upgraded);
    String conversation =
        conversationOf(upgraded, "Where are the Lemurian tide tables?", "They stay with us.");
    Team sealed = Team.of("all-sealed", "disk");
    String sealedTenant = tenantOf(sealed);
    conversationOf(sealed, "Where are the Atlantean star charts?", "They stay with us.");
    PlatformIT.execute(
        "insert into message (id, tenant_id, conversation_id, author_kind, author_id, content,"
            + " created_at) select gen_random_uuid(), tenant_id, id, 'USER', created_by,"
            + " 'An old note about Mictlantecuhtli', now() from conversation where id = '"
            + conversation
            + "'");
    assertThat(count("message", upgradedTenant, "content_key is null")).isEqualTo(1);

    // what every start queues
    String sweep = UUID.randomUUID().toString();
    PlatformIT.execute(
        "insert into job (id, tenant_id, kind, payload, status, max_attempts, run_at, created_at,"
            + " updated_at) values ('"
            + sweep
            + "', null, 'encryption.clear-sweep', '{}', 'QUEUED', 5, now(), now(), now())");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> count("message", upgradedTenant, "content_key is null") == 0);
    assertThat(count("message", upgradedTenant, "content ilike '%mictlantecuhtli%'")).isZero();
    assertThat(
            Platform.get("api/v1/conversations/" + conversation + "/messages", upgraded.owner)
                .body())
        .contains("An old note about Mictlantecuhtli");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> PlatformIT.query("select status from job where id = '" + sweep + "'"),
            "DONE"::equals);
    assertThat(resealsOf(upgradedTenant)).isEqualTo(1);
    assertThat(resealsOf(sealedTenant)).as("a tenant with nothing in clear").isZero();
  }

  private static String tenantOf(Team team) throws Exception {
    return PlatformIT.query(
        "select tenant_id from organization where id = '" + team.organization + "'");
  }

  /** A conversation of the team's owner with a scripted agent that answers {@code answer}. */
  private static String conversationOf(Team team, String question, String answer) throws Exception {
    String agent =
        team.scriptedAgent(
            "{\"name\":\"Keeper\",\"role\":\"Keeps secrets\"}",
            McpFaultsIT.planned("say: " + answer));
    String run = team.ask(agent, question, List.of());
    return Platform.json(Platform.get("api/v1/runs/" + run, team.owner))
        .get("conversationId")
        .asText();
  }

  private static long resealsOf(String tenantId) throws Exception {
    return Long.parseLong(
        PlatformIT.query(
            "select count(*) from job where kind = 'encryption.reseal' and tenant_id = '"
                + tenantId
                + "'"));
  }

  private static long count(String table, String tenantId, String condition) throws Exception {
    return Long.parseLong(
        PlatformIT.query(
            "select count(*) from "
                + table
                + " where tenant_id = '"
                + tenantId
                + "' and "
                + condition));
  }

  private static JsonNode fieldKeys(Team team) throws Exception {
    HttpResponse<String> keys = Platform.get("api/v1/tenant/field-keys", team.owner);
    assertThat(keys.statusCode()).as(keys.body()).isEqualTo(200);
    return Platform.json(keys);
  }

  private static List<String> contents(HttpResponse<String> found) throws Exception {
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return Platform.json(found).get("items").findValuesAsText("content");
  }
}
