package io.protohive.kernel.database;

import io.protohive.kernel.platform.PlatformVersion;
import io.protohive.kernel.platform.StartupFailure;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the database schema to this build's version with the migrations in db/migration. */
public final class DatabaseMigrations {

  private DatabaseMigrations() {}

  /**
   * Migrates the database behind {@code dataSource}, which connects as the tables' owner.
   *
   * @param address where the database is, without credentials, for the operator's message
   * @param applicationRole the role the application connects as, granted what it needs
   * @return the schema version after migrating
   * @throws StartupFailure when the database cannot be reached or a migration fails
   */
  public static String migrate(DataSource dataSource, String address, String applicationRole) {
    requireReachable(dataSource, address);
    try {
      MigrateResult result =
          Flyway.configure(DatabaseMigrations.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .failOnMissingLocations(true)
              .placeholders(
                  Map.of("platformVersion", PlatformVersion.current(), "appRole", applicationRole))
              .load()
              .migrate();
      return result.targetSchemaVersion != null
          ? result.targetSchemaVersion
          : result.initialSchemaVersion;
    } catch (FlywayException e) {
      throw new StartupFailure(
          "database " + address + ": migration failed: " + firstLine(e.getMessage()));
    }
  }

  private static void requireReachable(DataSource dataSource, String address) {
    try (Connection connection = dataSource.getConnection()) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw new StartupFailure(
          "database "
              + address
              + " is unreachable ("
              + firstLine(e.getMessage())
              + "); check PROTOHIVE_DB_URL, PROTOHIVE_DB_USER and PROTOHIVE_DB_PASSWORD");
    }
  }

  private static String firstLine(String message) {
    return message == null ? "no detail" : message.lines().findFirst().orElse(message);
  }
}
