package io.protohive.kernel.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.platform.StartupFailure;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database code against an operator's PostgreSQL server: the machine's own PostgreSQL 15, given
 * by {@code PROTOHIVE_IT_EXTERNAL_DB_URL}, with pgvector installed.
 */
class ExternalDatabaseIT {

  private final DataSource dataSource =
      Databases.dataSource(
          env("PROTOHIVE_IT_EXTERNAL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/protohive_it"),
          env("PROTOHIVE_IT_EXTERNAL_DB_USER", "postgres"),
          env("PROTOHIVE_IT_EXTERNAL_DB_PASSWORD", ""));

  @BeforeEach
  void startFromAnEmptySchema() throws Exception {
    Databases.execute(dataSource, "drop schema if exists public cascade; create schema public");
  }

  @Test
  void migratesAnEmptyDatabaseOnceAndThenNothing() throws Exception {
    assertThat(DatabaseMigrations.migrate(dataSource, "external")).isEqualTo("1");
    String installation = Databases.queryString(dataSource, "select id from installation");

    assertThat(DatabaseMigrations.migrate(dataSource, "external")).isEqualTo("1");
    assertThat(Databases.queryString(dataSource, "select count(*) from installation"))
        .isEqualTo("1");
    assertThat(Databases.queryString(dataSource, "select id from installation"))
        .isEqualTo(installation);
  }

  @Test
  void offersPgvector() throws Exception {
    Databases.execute(dataSource, "create extension if not exists vector");

    assertThat(
            Databases.queryString(
                dataSource, "select round(('[1,0,0]'::vector <=> '[0,1,0]'::vector)::numeric, 3)"))
        .isEqualTo("1.000");
  }

  @Test
  void namesAnUnreachableDatabase() throws Exception {
    int closedPort = Databases.freePort();
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/protohive";

    assertThatThrownBy(
            () ->
                DatabaseMigrations.migrate(
                    Databases.dataSource(url + "?connectTimeout=2", "postgres", ""), url))
        .isInstanceOf(StartupFailure.class)
        .hasMessageStartingWith("database " + url + " is unreachable (")
        .hasMessageContaining("PROTOHIVE_DB_URL");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value != null ? value : fallback;
  }
}
