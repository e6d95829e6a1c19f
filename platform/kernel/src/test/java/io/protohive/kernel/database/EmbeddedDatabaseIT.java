package io.protohive.kernel.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.platform.StartupFailure;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIT {

  @TempDir Path dataFolder;

  @Test
  void migratesAndKeepsDataAcrossRestarts() throws Exception {
    int port = Databases.freePort();
    String installation;
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataFolder, port)) {
      DataSource dataSource = Databases.dataSource(database.jdbcUrl(), "postgres", "");
      assertThat(DatabaseMigrations.migrate(dataSource, "embedded", "protohive_app"))
          .isEqualTo(Databases.latestMigration());
      assertThat(Databases.queryString(dataSource, "show fsync")).isEqualTo("on");
      installation = Databases.queryString(dataSource, "select id from installation");
      Databases.execute(
          dataSource,
          "insert into tenant (id, slug, name, created_at, updated_at)"
              + " values (gen_random_uuid(), 'kept', 'Kept', now(), now())");
    }

    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataFolder, port)) {
      DataSource dataSource = Databases.dataSource(database.jdbcUrl(), "postgres", "");
      assertThat(DatabaseMigrations.migrate(dataSource, "embedded", "protohive_app"))
          .isEqualTo(Databases.latestMigration());
      assertThat(Databases.queryString(dataSource, "select id from installation"))
          .isEqualTo(installation);
      assertThat(Databases.queryString(dataSource, "select name from tenant where slug = 'kept'"))
          .isEqualTo("Kept");
    }
  }

  @Test
  void namesAPortInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedDatabase.start(dataFolder, port))
          .isInstanceOf(StartupFailure.class)
          .hasMessage(
              "port "
                  + port
                  + " for the embedded PostgreSQL is in use; free it or set"
                  + " PROTOHIVE_DB_EMBEDDED_PORT to another port");
    }
  }
}
