package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A platform admin's analytics: each tenant's active people, active agents and usage per day and
 * over a range, counted from what the tenants did, for platform admins only.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformAnalyticsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aTenantsPeopleAgentsAndUsageAreCountedPerDayAndOverTheRange() throws Exception {
    Team busy = Team.of("busy", "disk");
    String agent = busy.scriptedAgent("{\"name\":\"Counter\",\"role\":\"Answers\"}", "say: one");
    busy.ask(agent, "first", List.of());
    busy.ask(agent, "second", List.of(), busy.member);
    String[] admin = PluginsApi.platformAdmin();
    String busyId = tenantId(busy.tenant);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    JsonNode one = analytics("tenantId=" + busyId, admin);
    assertThat(one.get("from").asText()).isEqualTo(today.minusDays(29).toString());
    assertThat(one.get("to").asText()).isEqualTo(today.toString());
    assertThat(one.get("days")).hasSize(30);
    JsonNode day = one.get("days").get(29);
    assertThat(day.get("day").asText()).isEqualTo(today.toString());
    // the owner and the member each signed in and wrote; the one agent answered both
    assertThat(day.get("activePeople").asLong()).isEqualTo(2);
    assertThat(day.get("activeAgents").asLong()).isEqualTo(1);
    assertThat(day.get("modelCalls").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(day.get("tokens").asLong()).isPositive();
    assertThat(one.get("days").get(0).get("modelCalls").asLong()).isZero();
    assertThat(one.get("tenants")).hasSize(1);
    JsonNode tenant = one.get("tenants").get(0);
    assertThat(tenant.get("slug").asText()).isEqualTo(busy.tenant);
    assertThat(tenant.get("activePeople").asLong()).isEqualTo(2);
    assertThat(tenant.get("activeAgents").asLong()).isEqualTo(1);
    assertThat(tenant.get("modelCalls").asLong()).isEqualTo(day.get("modelCalls").asLong());

    JsonNode all = analytics("from=" + today + "&to=" + today, admin);
    assertThat(all.get("days")).hasSize(1);
    assertThat(all.get("tenants").findValuesAsText("slug")).contains(busy.tenant);
    assertThat(all.get("days").get(0).get("modelCalls").asLong())
        .isGreaterThanOrEqualTo(day.get("modelCalls").asLong());

    // nothing before the tenant existed
    JsonNode before =
        analytics("from=2020-01-01&to=2020-01-31&tenantId=" + busyId, admin).get("tenants").get(0);
    assertThat(before.get("activePeople").asLong()).isZero();
    assertThat(before.get("modelCalls").asLong()).isZero();
  }

  @Test
  void onlyPlatformAdminsSeeItAndABadRangeOrTenantIsRefused() throws Exception {
    Team tenant = Team.of("curious", "disk");
    assertThat(get("", tenant.owner).statusCode()).isEqualTo(403);
    assertThat(get("", new String[0]).statusCode()).isEqualTo(401);

    String[] admin = PluginsApi.platformAdmin();
    assertRefused(get("?from=2026-02-01&to=2026-01-01", admin), 400, "from");
    assertRefused(get("?from=2024-01-01&to=2026-01-01", admin), 400, "to");
    assertRefused(get("?from=yesterday", admin), 400, "from");
    assertRefused(get("?tenantId=acme", admin), 400, "tenantId");
    HttpResponse<String> unknown = get("?tenantId=" + UUID.randomUUID(), admin);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void thePageChartsTheDaysAndListsTheTenantsInABrowser() throws Exception {
    Team busy = Team.of("charted", "disk");
    busy.ask(
        busy.scriptedAgent("{\"name\":\"Plotter\",\"role\":\"Answers\"}", "say: ok"),
        "plot",
        List.of());
    Browser browser = new Browser();
    try {
      browser.signIn("admin@protohive.local", Accounts.platformAdminPassword());
      browser.open("platform/analytics");
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("analytics-tenants"), busy.tenant));
      assertThat(browser.driver.getTitle()).isEqualTo("Analytics · ProtoHive");
      assertThat(browser.driver.findElements(By.cssSelector("#analytics-charts svg"))).hasSize(2);
      assertThat(browser.driver.findElement(By.id("analytics-charts")).getDomProperty("innerHTML"))
          .contains("Active by day", "Active agents", "Tokens by day");
      browser.screenshot("analytics.png");
      assertThat(browser.consoleErrors()).isEmpty();
    } finally {
      browser.close();
    }
  }

  private static void assertRefused(HttpResponse<String> response, int status, String field)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).contains("\"" + field + "\"").doesNotContain("Exception");
  }

  private static JsonNode analytics(String query, String[] admin) throws Exception {
    HttpResponse<String> response = get("?" + query, admin);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Platform.json(response);
  }

  private static HttpResponse<String> get(String query, String[] who) throws Exception {
    return Platform.get("api/v1/platform/analytics" + query, who);
  }

  private static String tenantId(String slug) throws Exception {
    return PlatformIT.query("select id from tenant where slug = '" + slug + "'");
  }
}
