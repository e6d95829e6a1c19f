package io.protohive.kernel.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * Attacks the database's walls with arbitrary SQL on the application's connection, as an injected
 * statement or a plugin holding the data source would run it: it knows every setting's name but not
 * the scope key, which only the tables' owner can read.
 */
class DatabaseWallsIT {

  private static final String APP_ROLE = "protohive_it_app";
  private static final List<String> PLATFORM_TABLES =
      List.of("refresh_token", "account_token", "signing_key", "installation");

  private final DataSource owner = Databases.externalOwner();
  private final DataSource application = Databases.dataSource(Databases.EXTERNAL_URL, APP_ROLE, "");
  private final UUID tenantA = UUID.randomUUID();
  private final UUID tenantB = UUID.randomUUID();
  private String key;

  @BeforeEach
  void twoTenantsWithPlatformRows() throws Exception {
    Databases.execute(owner, "drop schema if exists public cascade; create schema public");
    DatabaseMigrations.migrate(owner, "external", APP_ROLE);
    key = Databases.scopeKey(owner);
    for (UUID tenant : List.of(tenantA, tenantB)) {
      String user = UUID.randomUUID().toString();
      Databases.execute(
          owner,
          "insert into tenant (id, slug, name, created_at, updated_at) values ('"
              + tenant
              + "', 't"
              + user.substring(0, 8)
              + "', 'T', now(), now());"
              + " insert into organization (id, tenant_id, name, created_at, updated_at)"
              + " values (gen_random_uuid(), '"
              + tenant
              + "', 'company of "
              + tenant
              + "', now(), now());"
              + " insert into user_account (id, tenant_id, email, display_name, password_hash,"
              + " created_at) values ('"
              + user
              + "', '"
              + tenant
              + "', 'p@example.com', 'P', 'x', now());"
              + " insert into refresh_token (id, family_id, user_id, token_hash, issued_at,"
              + " family_expires_at) values (gen_random_uuid(), gen_random_uuid(), '"
              + user
              + "', md5(random()::text), now(), now() + interval '1 day');"
              + " insert into account_token (id, user_id, purpose, token_hash, created_at,"
              + " expires_at) values (gen_random_uuid(), '"
              + user
              + "', 'RESET_PASSWORD', md5(random()::text), now(), now() + interval '1 hour')");
    }
    Databases.execute(
        owner,
        "insert into signing_key (kid, sealed_private_key, public_key, created_at)"
            + " values ('k1', 'sealed', '\\x00', now())");
  }

  @Test
  void settingAnotherTenantShowsNothingOfIt() throws Exception {
    try (Connection connection = transaction()) {
      enterTenant(connection, tenantA, key);
      assertThat(organizations(connection)).containsExactly("company of " + tenantA);

      String sealOfA = setting(connection, "app.tenant_seal");
      set(connection, "app.tenant_id", tenantB.toString(), true);
      assertThat(organizations(connection)).as("B's id with A's seal").isEmpty();
      set(connection, "app.tenant_id", tenantB.toString(), false);
      assertThat(organizations(connection)).as("B's id for the whole session").isEmpty();
      assertThat(count(connection, "user_account")).isZero();

      set(connection, "app.tenant_id", tenantA.toString(), true);
      connection.commit();
      set(connection, "app.tenant_id", tenantA.toString(), true);
      set(connection, "app.tenant_seal", sealOfA, true);
      assertThat(organizations(connection)).as("A's seal in a later transaction").isEmpty();
    }
  }

  @Test
  void settingThePlatformScopeOpensNoPlatformTable() throws Exception {
    try (Connection connection = transaction()) {
      enterTenant(connection, tenantA, key);
      set(connection, "app.scope", "platform", false);
      set(connection, "app.scope_seal", setting(connection, "app.tenant_seal"), false);

      for (String table : PLATFORM_TABLES) {
        assertThat(count(connection, table)).as(table).isZero();
      }
      assertThat(count(connection, "user_account")).as("only A's account").isEqualTo(1);
      assertThat(count(connection, "tenant")).as("only A's tenant row").isEqualTo(1);
      assertThat(organizations(connection)).containsExactly("company of " + tenantA);
    }
  }

  @Test
  void theKeyIsNeitherReadableNorGuessableThroughTheApplicationRole() throws Exception {
    try (Connection connection = transaction()) {
      assertThatThrownBy(() -> enterTenant(connection, tenantB, "guessed"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("not the scope key");
      connection.rollback();
      assertThatThrownBy(() -> count(connection, "database_scope_key"))
          .hasMessageContaining("permission denied");
      connection.rollback();
      assertThatThrownBy(() -> query(connection, "select protohive_scope_seal('platform')"))
          .hasMessageContaining("permission denied");
      connection.rollback();
      assertThatThrownBy(() -> count(connection, "flyway_schema_history"))
          .hasMessageContaining("permission denied");
      connection.rollback();
      assertThatThrownBy(
              () ->
                  query(
                      connection,
                      "insert into tenant (id, slug, name, created_at, updated_at)"
                          + " values (gen_random_uuid(), 'planted', 'P', now(), now())"))
          .hasMessageContaining("row-level security");
    }
  }

  @Test
  void theKeyOpensTheScopesItNames() throws Exception {
    try (Connection connection = transaction()) {
      enterTenant(connection, tenantB, key);
      assertThat(organizations(connection)).containsExactly("company of " + tenantB);
      connection.commit();

      try (PreparedStatement statement =
          connection.prepareStatement("select protohive_enter_platform(?)")) {
        statement.setString(1, key);
        statement.executeQuery().close();
      }
      for (String table : PLATFORM_TABLES) {
        assertThat(count(connection, table)).as(table).isPositive();
      }
      assertThat(count(connection, "tenant")).isEqualTo(2);
      assertThat(query(connection, "select protohive_schema_version()"))
          .isEqualTo(Databases.latestMigration());
    }
  }

  /** A table added without row-level security, or with a policy trusting a setting, fails here. */
  @Test
  void everyTableTheApplicationRoleMayTouchHasForcedRowLevelSecurity() throws Exception {
    List<String> unguarded = new ArrayList<>();
    try (Connection connection = owner.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity,"
                    + " (select count(*) from pg_policy p where p.polrelid = c.oid)"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')"
                    + " and has_table_privilege(?, c.oid,"
                    + " 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')"
                    + " order by 1")) {
      statement.setString(1, APP_ROLE);
      try (ResultSet tables = statement.executeQuery()) {
        while (tables.next()) {
          boolean guarded =
              "rp".contains(tables.getString(2))
                  && tables.getBoolean(3)
                  && tables.getBoolean(4)
                  && tables.getLong(5) > 0;
          if (!guarded) {
            unguarded.add(tables.getString(1));
          }
        }
      }
    }
    assertThat(unguarded).as("tables the application role may touch without forced RLS").isEmpty();
    assertThat(
            Databases.queryString(
                owner,
                "select string_agg(c.relname || '.' || p.polname, ', ') from pg_policy p"
                    + " join pg_class c on c.oid = p.polrelid"
                    + " where coalesce(pg_get_expr(p.polqual, p.polrelid), '')"
                    + " || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')"
                    + " ~ 'current_setting|current_user|session_user'"))
        .as("policies that trust what the session can set")
        .isNull();
  }

  /** Every table with a tenant is walled by row-level security on the tenant the scope entered. */
  @Test
  void everyTableWithATenantIsFilteredByTheEnteredTenant() throws Exception {
    assertThat(tablesWithATenantButNoWall()).isEmpty();
  }

  @Test
  void aTenantTableWithoutItsWallIsFound() throws Exception {
    Databases.execute(
        owner,
        "create table unguarded (id uuid primary key, tenant_id uuid);"
            + " create table unforced (id uuid primary key, tenant_id uuid);"
            + " alter table unforced enable row level security;"
            + " create policy tenant_isolation on unforced"
            + " using (tenant_id = (select protohive_tenant()));"
            + " create table open_to_all (id uuid primary key, tenant_id uuid);"
            + " alter table open_to_all enable row level security;"
            + " alter table open_to_all force row level security;"
            + " create policy read_all on open_to_all using (true);"
            + " create table other_column (id uuid primary key, tenant_id uuid, owner_id uuid);"
            + " alter table other_column enable row level security;"
            + " alter table other_column force row level security;"
            + " create policy tenant_isolation on other_column"
            + " using (owner_id = (select protohive_tenant()));"
            + " create table also_open (id uuid primary key, tenant_id uuid);"
            + " alter table also_open enable row level security;"
            + " alter table also_open force row level security;"
            + " create policy tenant_isolation on also_open"
            + " using (tenant_id = (select protohive_tenant()));"
            + " create policy read_all on also_open for select using (true)");

    assertThat(tablesWithATenantButNoWall())
        .containsExactlyInAnyOrder(
            "unguarded", "unforced", "open_to_all", "other_column", "also_open");
  }

  /**
   * Tables of the public schema with a {@code tenant_id} column that lack forced row-level security
   * or a policy for every command that keeps, and lets write, only rows of the entered tenant, or
   * that have a permissive policy besides, which would open what that policy keeps.
   */
  private List<String> tablesWithATenantButNoWall() throws SQLException {
    String tenantTest = " ~ 'tenant_id = \\(\\s*SELECT protohive_tenant\\(\\)'";
    String onTheEnteredTenant =
        "(coalesce(pg_get_expr(p.polqual, p.polrelid), '')"
            + tenantTest
            + " and coalesce(pg_get_expr(p.polwithcheck, p.polrelid),"
            + " pg_get_expr(p.polqual, p.polrelid), '')"
            + tenantTest
            + ")";
    List<String> unwalled = new ArrayList<>();
    try (Connection connection = owner.getConnection();
        Statement statement = connection.createStatement();
        ResultSet tables =
            statement.executeQuery(
                "select c.relname from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace"
                    + " join pg_attribute a on a.attrelid = c.oid"
                    + " where n.nspname = 'public' and c.relkind in ('r', 'p')"
                    + " and a.attname = 'tenant_id' and not a.attisdropped"
                    + " and not (c.relrowsecurity and c.relforcerowsecurity"
                    + " and exists (select from pg_policy p where p.polrelid = c.oid"
                    + " and p.polcmd = '*' and "
                    + onTheEnteredTenant
                    + ") and not exists (select from pg_policy p where p.polrelid = c.oid"
                    + " and p.polpermissive and not "
                    + onTheEnteredTenant
                    + ")) order by 1")) {
      while (tables.next()) {
        unwalled.add(tables.getString(1));
      }
    }
    return unwalled;
  }

  private Connection transaction() throws SQLException {
    Connection connection = application.getConnection();
    connection.setAutoCommit(false);
    return connection;
  }

  private static void enterTenant(Connection connection, UUID tenant, String key)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select protohive_enter_tenant(?::uuid, ?)")) {
      statement.setString(1, tenant.toString());
      statement.setString(2, key);
      statement.executeQuery().close();
    }
  }

  private static void set(Connection connection, String name, String value, boolean local)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select set_config(?, ?, " + local + ")")) {
      statement.setString(1, name);
      statement.setString(2, value);
      statement.executeQuery().close();
    }
  }

  private static String setting(Connection connection, String name) throws SQLException {
    return query(connection, "select current_setting('" + name + "', true)");
  }

  private static long count(Connection connection, String table) throws SQLException {
    return Long.parseLong(query(connection, "select count(*) from " + table));
  }

  private static String query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    }
  }

  private static List<String> organizations(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select name from organization order by name")) {
      while (result.next()) {
        names.add(result.getString(1));
      }
    }
    return names;
  }
}
