package io.protohive.kernel.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.platform.StartupFailure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database code against an operator's PostgreSQL server: the machine's own PostgreSQL 15, given
 * by {@code PROTOHIVE_IT_EXTERNAL_DB_URL}, with pgvector installed.
 */
class ExternalDatabaseIT {

  private static final String URL = Databases.EXTERNAL_URL;
  private static final String APP_ROLE = "protohive_it_app";

  private final DataSource owner = Databases.externalOwner();

  @BeforeEach
  void startFromAnEmptySchema() throws Exception {
    Databases.execute(owner, "drop schema if exists public cascade; create schema public");
  }

  @Test
  void migratesAnEmptyDatabaseOnceAndThenNothing() throws Exception {
    assertThat(DatabaseMigrations.migrate(owner, "external", APP_ROLE))
        .isEqualTo(Databases.latestMigration());
    String installation = Databases.queryString(owner, "select id from installation");

    assertThat(DatabaseMigrations.migrate(owner, "external", APP_ROLE))
        .isEqualTo(Databases.latestMigration());
    assertThat(Databases.queryString(owner, "select count(*) from installation")).isEqualTo("1");
    assertThat(Databases.queryString(owner, "select id from installation")).isEqualTo(installation);
  }

  @Test
  void offersPgvector() throws Exception {
    Databases.execute(owner, "create extension if not exists vector");

    assertThat(
            Databases.queryString(
                owner, "select round(('[1,0,0]'::vector <=> '[0,1,0]'::vector)::numeric, 3)"))
        .isEqualTo("1.000");
  }

  @Test
  void rowLevelSecurityHidesOtherTenantsFromTheApplicationRole() throws Exception {
    DatabaseMigrations.migrate(owner, "external", APP_ROLE);
    UUID tenantA = tenant("a");
    UUID tenantB = tenant("b");
    organization(tenantA, "A's company");
    organization(tenantB, "B's company");
    DataSource application = Databases.dataSource(URL, APP_ROLE, "");

    // one connection, used by both tenants in turn, as a pool of size 1 would
    try (Connection connection = application.getConnection()) {
      connection.setAutoCommit(false);
      assertThat(organizationsSeenBy(connection, tenantA)).containsExactly("A's company");
      assertThat(organizationsSeenBy(connection, tenantB)).containsExactly("B's company");
      assertThat(organizationsSeenBy(connection, tenantA)).containsExactly("A's company");
      assertThat(organizationsSeenBy(connection, null)).as("no tenant set").isEmpty();

      setTenant(connection, tenantA);
      assertThatThrownBy(
              () -> insertOrganization(connection, tenantB, "planted in B while acting as A"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
      connection.rollback();
    }
    assertThat(Databases.queryString(owner, "select count(*) from organization")).isEqualTo("2");
  }

  @Test
  void theApplicationRoleIsUnprivilegedAndTheOwnerIsRefused() throws Exception {
    DatabaseMigrations.migrate(owner, "external", APP_ROLE);

    ApplicationRole.requireUnprivileged(Databases.dataSource(URL, APP_ROLE, ""));
    assertThatThrownBy(() -> ApplicationRole.requireUnprivileged(owner))
        .isInstanceOf(StartupFailure.class)
        .hasMessageContaining(
            "is a superuser, may bypass row-level security, owns tables or reads the")
        .hasMessageContaining("PROTOHIVE_DB_USER");
  }

  @Test
  void namesAnUnreachableDatabase() throws Exception {
    int closedPort = Databases.freePort();
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/protohive";

    assertThatThrownBy(
            () ->
                DatabaseMigrations.migrate(
                    Databases.dataSource(url + "?connectTimeout=2", "postgres", ""), url, APP_ROLE))
        .isInstanceOf(StartupFailure.class)
        .hasMessageStartingWith("database " + url + " is unreachable (")
        .hasMessageContaining("PROTOHIVE_DB_URL");
  }

  private UUID tenant(String slug) throws SQLException {
    UUID id = UUID.randomUUID();
    Databases.execute(
        owner,
        "insert into tenant (id, slug, name, created_at, updated_at) values ('"
            + id
            + "', '"
            + slug
            + "', '"
            + slug
            + "', now(), now())");
    return id;
  }

  private void organization(UUID tenant, String name) throws SQLException {
    try (Connection connection = owner.getConnection()) {
      insertOrganization(connection, tenant, name);
    }
  }

  private static void insertOrganization(Connection connection, UUID tenant, String name)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "insert into organization (id, tenant_id, name, created_at, updated_at)"
                + " values (gen_random_uuid(), ?, ?, now(), now())")) {
      statement.setObject(1, tenant);
      statement.setString(2, name);
      statement.executeUpdate();
    }
  }

  private static List<String> organizationsSeenBy(Connection connection, UUID tenant)
      throws SQLException {
    if (tenant != null) {
      setTenant(connection, tenant);
    }
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select name from organization order by name")) {
      while (result.next()) {
        names.add(result.getString(1));
      }
    }
    connection.commit();
    return names;
  }

  private static void setTenant(Connection connection, UUID tenant) throws SQLException {
    try (var statement = connection.prepareStatement("select protohive_enter_tenant(?::uuid, ?)")) {
      statement.setString(1, tenant.toString());
      statement.setString(2, Databases.scopeKey(Databases.externalOwner()));
      statement.executeQuery().close();
    }
  }
}
