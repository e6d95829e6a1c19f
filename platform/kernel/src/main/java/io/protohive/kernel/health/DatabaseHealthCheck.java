package io.protohive.kernel.health;

import io.protohive.kernel.platform.PlatformSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a pooled connection to PostgreSQL answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  private static final int TIMEOUT_SECONDS = 2;

  @Inject PlatformSettings settings;

  @Resource(lookup = "jdbc/protohive")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    boolean up;
    try (Connection connection = dataSource.getConnection()) {
      up = connection.isValid(TIMEOUT_SECONDS);
    } catch (SQLException e) {
      up = false;
    }
    return HealthCheckResponse.named("database")
        .status(up)
        .withData("mode", settings.databaseMode().name().toLowerCase())
        .build();
  }
}
