package io.protohive.rest.platform;

import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.system.Analytics;
import io.protohive.kernel.system.PlatformAnalytics;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Usage, active people and active agents per tenant over time, for platform admins. */
@Path("platform/analytics")
@Tag(name = "Platform administration")
@RequestScoped
public class AnalyticsResource {

  /** Days shown when the range is not given: the last 30, today included. */
  private static final int DEFAULT_DAYS = 30;

  @Inject PlatformAnalytics analytics;
  @Inject SignedIn signedIn;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Activity per day and per tenant between two days (UTC, both included)",
      description =
          "from and to are ISO dates (2026-11-01), by default the last 30 days; tenantId narrows"
              + " the figures to one tenant.")
  public Analytics activity(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("tenantId") String tenantId) {
    LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : day("to", to);
    LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : day("from", from);
    return analytics.activity(signedIn.caller(), first, last, tenant(tenantId));
  }

  private static LocalDate day(String name, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw Rejection.invalid(name, "Give " + name + " as an ISO date, e.g. 2026-11-01.");
    }
  }

  private static UUID tenant(String value) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw Rejection.invalid("tenantId", "Give tenantId as a tenant's id.");
    }
  }
}
