package io.protohive.app.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A platform admin deletes a tenant: only a disabled one, confirmed by its slug; its data key goes
 * first, then its files' bytes and every row of it, and no other tenant loses anything.
 */
@ExtendWith(ArquillianExtension.class)
class TenantDeletionIT {

  private static final String SECRET = "the doomed tenant's secret plans";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aDisabledTenantIsDeletedWithItsKeyItsFilesAndEveryRowAndNothingElse() throws Exception {
    Team doomed = Team.of("doomed", "disk");
    Team neighbour = Team.of("neighbour", "disk");
    doomed.ask(
        doomed.scriptedAgent("{\"name\":\"Doomed\",\"role\":\"Answers\"}", "say: noted"),
        "remember this",
        List.of());
    String file = doomed.uploaded("plans.txt", SECRET.getBytes(UTF_8));
    String kept = neighbour.uploaded("plans.txt", "the neighbour's plans".getBytes(UTF_8));
    Path stored = storedObject(file).orElseThrow();
    assertThat(new String(Files.readAllBytes(stored), ISO_8859_1)).doesNotContain(SECRET);
    String tenantId =
        PlatformIT.query("select id from tenant where slug = '" + doomed.tenant + "'");
    // the fixture inserts its tenants as a file would declare them; this one the admins made
    PlatformIT.execute("update tenant set origin = 'API' where id = '" + tenantId + "'");
    String[] admin = PluginsApi.platformAdmin();
    String path = "api/v1/platform/tenants/" + tenantId;

    assertThat(delete(path + "?confirm=" + doomed.tenant, doomed.owner).statusCode())
        .isEqualTo(403);
    HttpResponse<String> enabled = delete(path + "?confirm=" + doomed.tenant, admin);
    assertThat(enabled.statusCode()).isEqualTo(409);
    assertThat(enabled.body()).contains("Disable the tenant first");
    assertThat(Platform.send("PATCH", path, "{\"disabled\":true}", admin).statusCode())
        .isEqualTo(200);
    HttpResponse<String> unconfirmed = delete(path + "?confirm=" + neighbour.tenant, admin);
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("\"confirm\"");
    assertThat(
            delete("api/v1/platform/tenants/" + UUID.randomUUID() + "?confirm=x", admin)
                .statusCode())
        .isEqualTo(404);
    assertThat(rowsOf(tenantId)).isNotEmpty();

    assertThat(delete(path + "?confirm=" + doomed.tenant, admin).statusCode()).isEqualTo(204);

    assertThat(rowsOf(tenantId)).isEmpty();
    assertThat(PlatformIT.query("select count(*) from tenant where id = '" + tenantId + "'"))
        .isEqualTo("0");
    assertThat(stored).doesNotExist();
    assertThat(Platform.get("api/v1/me", doomed.owner).statusCode()).isEqualTo(401);
    assertThat(
            PlatformIT.query(
                "select count(*) from audit_event where tenant_id is null"
                    + " and action = 'TENANT_DELETED' and subject = '"
                    + doomed.tenant
                    + "'"))
        .isEqualTo("1");
    assertThat(delete(path + "?confirm=" + doomed.tenant, admin).statusCode()).isEqualTo(404);

    HttpResponse<byte[]> neighbours = neighbour.download(kept, null);
    assertThat(neighbours.statusCode()).isEqualTo(200);
    assertThat(new String(neighbours.body(), UTF_8)).isEqualTo("the neighbour's plans");
    assertThat(Platform.get("api/v1/me", neighbour.owner).statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> delete(String path, String[] who) throws Exception {
    return Platform.send("DELETE", path, null, who);
  }

  /** Each table that still holds a row of the tenant, found by its tenant_id column. */
  private static List<String> rowsOf(String tenantId) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(Platform.EMBEDDED_DB_URL, "postgres", "");
        Statement statement = connection.createStatement()) {
      List<String> candidates = new ArrayList<>();
      try (ResultSet found =
          statement.executeQuery(
              "select table_name from information_schema.columns where table_schema = 'public'"
                  + " and column_name = 'tenant_id' and table_name in (select table_name from"
                  + " information_schema.tables where table_type = 'BASE TABLE')")) {
        while (found.next()) {
          candidates.add(found.getString(1));
        }
      }
      for (String table : candidates) {
        try (ResultSet count =
            statement.executeQuery(
                "select count(*) from " + table + " where tenant_id = '" + tenantId + "'")) {
          count.next();
          if (count.getLong(1) > 0) {
            tables.add(table);
          }
        }
      }
    }
    return tables;
  }

  private static Optional<Path> storedObject(String fileId) throws Exception {
    try (Stream<Path> found = Files.walk(Platform.DATA_DIR.resolve("files"))) {
      return found
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().contains(fileId))
          .findFirst();
    }
  }
}
