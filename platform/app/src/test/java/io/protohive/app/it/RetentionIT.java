package io.protohive.app.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tenant's retention, declared in tenants-config, and the daily purge that keeps to it: what is
 * older than each period goes, what is younger stays, and another tenant's data is untouched.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

  /** The tables the purge works on, with the column that dates a row. */
  private static final List<String[]> DATED =
      List.of(
          new String[] {"message", "created_at"},
          new String[] {"conversation_event", "created_at"},
          new String[] {"llm_call", "created_at"},
          new String[] {"audit_event", "occurred_at"});

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aDeclaredRetentionIsAppliedAndTakenBackWithTheFile() throws Exception {
    Path folder = Path.of(System.getProperty("it.tenants.dir"));
    String slug = "retained-" + UUID.randomUUID().toString().substring(0, 8);
    Path file = folder.resolve(slug + ".yaml");
    try {
      Files.writeString(
          file,
          "slug: "
              + slug
              + "\nname: Retained\nretention:\n  messagesDays: 30\n  eventsDays: 7\n"
              + "  auditDays: 365\n  filesDays: 3\n  usageDays: 90\n");
      await().atMost(Duration.ofSeconds(30)).until(() -> "30,7,365,3,90".equals(retentionOf(slug)));

      Files.writeString(file, "slug: " + slug + "\nname: Retained\n");
      await().atMost(Duration.ofSeconds(30)).until(() -> "".equals(retentionOf(slug)));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void theDailyPurgeDeletesWhatIsOlderThanTheRetentionAndNothingElse() throws Exception {
    Team purged = Team.of("purged", "disk");
    Team kept = Team.of("kept", "disk");
    String purgedAgent = agent(purged);
    purged.ask(purgedAgent, "old words", List.of());
    kept.ask(agent(kept), "old words", List.of());
    String binned = purged.uploaded("old.txt", "old notes".getBytes(UTF_8));
    String keptBinned = kept.uploaded("old.txt", "old notes".getBytes(UTF_8));
    assertThat(purged.ownerFile("DELETE", binned, null).statusCode()).isEqualTo(204);
    assertThat(kept.ownerFile("DELETE", keptBinned, null).statusCode()).isEqualTo(204);

    for (Team team : List.of(purged, kept)) {
      for (String[] table : DATED) {
        PlatformIT.execute(
            "update "
                + table[0]
                + " set "
                + table[1]
                + " = "
                + table[1]
                + " - interval '100 days' where tenant_id = "
                + tenantId(team));
      }
      PlatformIT.execute(
          "update stored_file set deleted_at = deleted_at - interval '100 days'"
              + " where deleted_at is not null and tenant_id = "
              + tenantId(team));
    }
    purged.ask(purgedAgent, "new words", List.of());
    PlatformIT.execute(
        "update tenant set retention_messages_days = 30, retention_events_days = 30,"
            + " retention_audit_days = 30, retention_files_days = 30, retention_usage_days = 30"
            + " where id = "
            + tenantId(purged));

    // the sweep waits in the queue for its day; bring the day forward
    PlatformIT.execute(
        "update job set run_at = now() where kind = 'retention.sweep' and status = 'QUEUED'");
    await().atMost(Duration.ofSeconds(60)).until(() -> !audit(purged).isEmpty());
    // each due file goes by a file purge job of its own, queued by the tenant's purge
    await().atMost(Duration.ofSeconds(30)).until(() -> !fileExists(binned));

    for (String[] table : DATED) {
      assertThat(count(table[0], purged, table[1] + " < now() - interval '50 days'"))
          .as(table[0] + " older than the retention")
          .isZero();
      assertThat(count(table[0], kept, table[1] + " < now() - interval '50 days'"))
          .as(table[0] + " of a tenant that keeps everything")
          .isPositive();
    }
    assertThat(
            count(
                "message",
                purged,
                "author_kind = 'USER' and created_at > now() - interval '1 day'"))
        .as("the new words")
        .isOne();
    assertThat(count("llm_call", purged, "true")).isPositive();
    assertThat(fileExists(binned)).isFalse();
    assertThat(count("file_version", purged, "true")).isZero();
    assertThat(fileExists(keptBinned)).isTrue();

    JsonNode entry = audit(purged).get(0);
    assertThat(entry.get("subject").asText())
        .matches("messages [1-9]\\d*, events [1-9]\\d*, audit [1-9]\\d*, files 1, usage [1-9]\\d*");
    assertThat(audit(kept)).isEmpty();
    // the oldest entry kept anchors the purged tenant's chain
    JsonNode chain = Platform.json(Platform.get("api/v1/tenant/audit/verification", purged.owner));
    assertThat(chain.has("firstBroken")).as(chain.toString()).isFalse();
  }

  private static String agent(Team team) throws Exception {
    return team.scriptedAgent("{\"name\":\"Keeper\",\"role\":\"Answers\"}", "say: noted");
  }

  private static String retentionOf(String slug) throws Exception {
    // a row whether or not the tenant exists yet
    return PlatformIT.query(
        "select (select concat_ws(',', retention_messages_days, retention_events_days,"
            + " retention_audit_days, retention_files_days, retention_usage_days)"
            + " from tenant where slug = '"
            + slug
            + "')");
  }

  private static String tenantId(Team team) {
    return "(select id from tenant where slug = '" + team.tenant + "')";
  }

  private static long count(String table, Team team, String condition) throws Exception {
    return Long.parseLong(
        PlatformIT.query(
            "select count(*) from "
                + table
                + " where tenant_id = "
                + tenantId(team)
                + " and "
                + condition));
  }

  private static boolean fileExists(String fileId) throws Exception {
    return !"0"
        .equals(PlatformIT.query("select count(*) from stored_file where id = '" + fileId + "'"));
  }

  /** The tenant's purges in its audit trail, which every request also adds to. */
  private static JsonNode audit(Team team) throws Exception {
    return Platform.json(Platform.get("api/v1/tenant/audit?action=RETENTION_PURGED", team.owner))
        .get("items");
  }
}
