package io.protohive.kernel.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/** Helpers for tests that talk to a real PostgreSQL. */
public final class Databases {

  /** The operator's PostgreSQL the ITs run against, with pgvector. */
  public static final String EXTERNAL_URL =
      env("PROTOHIVE_IT_EXTERNAL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/protohive_it");

  private Databases() {}

  /** The external database's owner, who migrates it. */
  public static PGSimpleDataSource externalOwner() {
    return dataSource(
        EXTERNAL_URL,
        env("PROTOHIVE_IT_EXTERNAL_DB_USER", "postgres"),
        env("PROTOHIVE_IT_EXTERNAL_DB_PASSWORD", ""));
  }

  public static PGSimpleDataSource dataSource(String url, String user, String password) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  public static String queryString(javax.sql.DataSource dataSource, String sql)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    }
  }

  public static void execute(javax.sql.DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The key with which the platform enters a tenant's or the platform scope. */
  public static String scopeKey(javax.sql.DataSource owner) throws SQLException {
    return queryString(owner, "select key from database_scope_key");
  }

  /** The version the migrations in this build bring a database to. */
  static String latestMigration() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.matches("V\\d+__.*\\.sql"))
          .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
          .max(Integer::compare)
          .map(String::valueOf)
          .orElseThrow();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value != null ? value : fallback;
  }
}
