package io.protohive.kernel.database;

import io.protohive.kernel.platform.StartupFailure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Proves that the application's database role is subject to row-level security: not a superuser,
 * without BYPASSRLS, owning none of the tables and unable to read the scope key. Otherwise the
 * database's wall between tenants would not stand, and the platform refuses to start.
 */
public final class ApplicationRole {

  private ApplicationRole() {}

  /**
   * @throws StartupFailure naming the role and what is wrong with it
   */
  public static void requireUnprivileged(DataSource application) {
    try (Connection connection = application.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "select current_user, r.rolsuper, r.rolbypassrls,"
                    + " (select count(*) from pg_tables t"
                    + "   where t.schemaname = current_schema() and t.tableowner = current_user),"
                    + " has_table_privilege('database_scope_key', 'SELECT')"
                    + " from pg_roles r where r.rolname = current_user")) {
      result.next();
      String role = result.getString(1);
      if (result.getBoolean(2)
          || result.getBoolean(3)
          || result.getLong(4) > 0
          || result.getBoolean(5)) {
        throw new StartupFailure(
            "database role '"
                + role
                + "' is a superuser, may bypass row-level security, owns tables or reads the"
                + " scope key; connect the"
                + " platform (PROTOHIVE_DB_USER) as a role that does none of these, and run"
                + " migrations as the owner (PROTOHIVE_DB_OWNER_USER)");
      }
    } catch (SQLException e) {
      throw new StartupFailure("cannot check the application's database role: " + e.getMessage());
    }
  }
}
