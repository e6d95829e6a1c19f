package io.protohive.rest.llm;

import io.protohive.kernel.llm.UsageMeter;
import io.protohive.kernel.llm.UsageMeter.GroupBy;
import io.protohive.kernel.llm.UsageMeter.UsageRow;
import io.protohive.kernel.platform.Rejection;
import io.protohive.rest.PageResponse;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the tenant's model calls used, for its admins. */
@Path("usage")
@Tag(name = "LLM gateway")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

  @Inject UsageMeter meter;
  @Inject SignedIn signedIn;

  @GET
  @Operation(
      summary = "Calls, tokens and cost between from and to, grouped",
      description = "groupBy is day (default), organization, agent or model.")
  public PageResponse<UsageRow> usage(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("groupBy") String groupBy,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        meter.usage(signedIn.caller(), instant("from", from), instant("to", to), group(groupBy)),
        UsageRow::key,
        limit,
        cursor);
  }

  private static Instant instant(String name, String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw Rejection.invalid(
          name, "Give " + name + " as an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z.");
    }
  }

  private static GroupBy group(String value) {
    try {
      return value == null ? GroupBy.DAY : GroupBy.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Rejection.invalid("groupBy", "groupBy is day, organization, agent or model.");
    }
  }
}
