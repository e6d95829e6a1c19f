package io.protohive.app.it;

import static io.protohive.app.it.WebhookReceiver.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.protohive.app.it.WebhookReceiver.Received;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * From the developer page a tenant admin reaches the webhooks and routines of the organizations
 * they manage, and only those: subscribes a receiver of the test's own, sees its secret once, an
 * event's delivery in the log, and a redelivery that succeeds after a failed attempt; adds a
 * routine on a cron schedule with its next run, after an invalid expression that adds nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ReachBrowserIT {

  private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]+");
  private static final String DELIVERIES = "webhook-deliveries";

  private Browser browser;
  private PluginsApi.TenantAdmin admin;
  private String organization;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void signIn() throws Exception {
    admin = PluginsApi.newTenantAdminAccount("reach");
    organization = create("api/v1/organizations", "{\"name\":\"Northwind\"}", admin.bearer());
    browser = new Browser();
    browser.signIn(admin.email(), Accounts.PASSWORD);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void anAdminSubscribesAReceiverSeesItsDeliveriesAndRedeliversOne() throws Exception {
    String[] colleague = colleague();
    String elsewhere = create("api/v1/organizations", "{\"name\":\"Contoso\"}", colleague);
    assertThat(
            Platform.post(
                    "api/v1/organizations/" + elsewhere + "/members",
                    "{\"email\":\"" + admin.email() + "\",\"role\":\"MEMBER\"}",
                    colleague)
                .statusCode())
        .isEqualTo(201);

    openDeveloperPage();
    assertThat(browser.driver.findElement(By.id("reach")).getText()).doesNotContain("Contoso");
    assertThat(browser.driver.findElements(By.id("reach-webhooks-" + elsewhere))).isEmpty();
    browser.click(By.id("reach-webhooks-" + organization));
    browser.wait.until(
        ExpectedConditions.urlContains("/organizations/" + organization + "/webhooks"));

    try (WebhookReceiver receiver = new WebhookReceiver()) {
      browser.type("webhook-url", receiver.url());
      browser.type("webhook-description", "Ticket system");
      browser.click(
          By.xpath(
              "//vaadin-checkbox-group[@id='webhook-events']"
                  + "//vaadin-checkbox[normalize-space()='task.created']"));
      browser.click(By.id("webhook-add"));
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("webhooks"), "Ticket system"));
      String shown = browser.driver.findElement(By.id("webhook-secret")).getText();
      assertThat(shown).contains(receiver.url()).contains("shown this once");
      Matcher match = SECRET.matcher(shown);
      assertThat(match.find()).as(shown).isTrue();
      String secret = match.group();
      assertThat(browser.driver.findElement(By.id("webhooks")).getText())
          .contains("task.created")
          .doesNotContain(secret);

      assertThat(
              Platform.post(
                      "api/v1/organizations/" + organization + "/tasks",
                      "{\"title\":\"Ship the release notes\"}",
                      admin.bearer())
                  .statusCode())
          .isEqualTo(201);
      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 1);
      Received first = receiver.received.get(0);
      assertThat(verified(secret, first)).as("signed with the secret shown").isTrue();
      assertThat(first.body())
          .contains("\"type\":\"task.created\"")
          .contains("Ship the release notes");

      browser.click(
          By.xpath(
              "//vaadin-grid[@id='webhooks']//vaadin-grid-cell-content[normalize-space()="
                  + "'Ticket system']"));
      refreshUntilLogShows("DELIVERED");
      assertThat(browser.driver.findElement(By.id(DELIVERIES)).getText())
          .contains("task.created")
          .contains("#1")
          .contains(": 200 in")
          .doesNotContain("#2");

      receiver.fail(1);
      browser.click(
          By.xpath(
              "//vaadin-grid[@id='"
                  + DELIVERIES
                  + "']//vaadin-button[normalize-space()='Redeliver']"));
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("vaadin-notification-card"), "The delivery is sent again."));
      assertThat(browser.driver.findElement(By.id(DELIVERIES)).isDisplayed())
          .as("the log stays open after a change")
          .isTrue();
      // the refused attempt is retried after the job queue's backoff
      refreshUntilLogShows("#3");
      assertThat(browser.driver.findElement(By.id(DELIVERIES)).getText())
          .contains("DELIVERED")
          .contains(": 200 in");
      browser.click(
          By.xpath(
              "//vaadin-grid[@id='"
                  + DELIVERIES
                  + "']//vaadin-grid-cell-content[normalize-space()='task.created']"));
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id(DELIVERIES), "The target answered 500."));
      assertThat(receiver.received).hasSize(3).extracting(Received::id).containsOnly(first.id());
      for (Received request : receiver.received) {
        assertThat(verified(secret, request)).as(request.toString()).isTrue();
      }

      // shown once: the page opened again tells it no more
      browser.driver.navigate().refresh();
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("webhooks"), "Ticket system"));
      assertThat(browser.driver.getPageSource()).doesNotContain(secret);
    }
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void anAdminAddsARoutineOnACronScheduleAfterAnInvalidOneIsRefused() throws Exception {
    create(
        "api/v1/organizations/" + organization + "/agents",
        "{\"name\":\"Reporter\",\"role\":\"Analyst\",\"persona\":\"Writes reports\"}",
        admin.bearer());
    openDeveloperPage();
    browser.click(By.id("reach-routines-" + organization));
    browser.wait.until(ExpectedConditions.urlContains("/organizations/" + organization + "/tasks"));

    browser.type("routine-name", "Weekly report");
    browser.select("routine-agent", "Reporter");
    browser.type("routine-cron", "every monday");
    browser.click(By.id("routine-add"));
    browser.wait.until(ExpectedConditions.attributeToBe(By.id("routine-title"), "invalid", "true"));
    assertThat(browser.driver.findElement(By.id("routine-title")).getText())
        .contains("Write 1 to 200 characters.");

    browser.type("routine-title", "Weekly report {{date}}");
    browser.click(By.id("routine-add"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("vaadin-notification-card"),
            "The cron expression \"every monday\" is not valid"));
    assertThat(browser.driver.findElement(By.id("routines")).getText())
        .doesNotContain("Weekly report");
    assertThat(routines().get("items")).isEmpty();

    browser.type("routine-cron", "0 9 * * 1");
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    browser.click(By.id("routine-add"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("routines"), "Weekly report"));
    ZonedDateTime monday =
        now.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))
            .truncatedTo(ChronoUnit.DAYS)
            .withHour(9);
    ZonedDateTime next = monday.isAfter(now) ? monday : monday.plusWeeks(1);
    assertThat(browser.driver.findElement(By.id("routines")).getText())
        .contains("Reporter")
        .contains("0 9 * * 1 UTC")
        .contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(next));
    assertThat(browser.driver.findElement(By.id("routine-secret")).getText())
        .contains("/api/v1/routines/")
        .contains("whsec_");
    assertThat(browser.driver.findElement(By.id("routine-title")).getAttribute("invalid"))
        .isNotEqualTo("true");
    assertThat(routines().get("items")).hasSize(1);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private void openDeveloperPage() {
    browser.click(By.xpath("//vaadin-side-nav-item[normalize-space()='Developer']"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("reach"), "Northwind"));
  }

  /** Asks for the delivery log again, as a person waiting for an attempt would. */
  private void refreshUntilLogShows(String text) {
    browser.wait.until(
        driver -> {
          browser.click(By.id("webhook-deliveries-refresh"));
          return driver.findElement(By.id(DELIVERIES)).getText().contains(text);
        });
  }

  /** Another person of the admin's tenant, who is no admin. */
  private String[] colleague() throws Exception {
    String email = Accounts.newEmail("colleague", "example.com");
    assertThat(Accounts.register(email, Accounts.PASSWORD, admin.tenant()).statusCode())
        .isEqualTo(201);
    return PluginsApi.bearer(
        Platform.json(Accounts.login(email, Accounts.PASSWORD)).get("accessToken").asText());
  }

  private JsonNode routines() throws Exception {
    return Platform.json(
        Platform.get("api/v1/organizations/" + organization + "/routines", admin.bearer()));
  }

  private static String create(String path, String json, String[] who) throws Exception {
    HttpResponse<String> created = Platform.post(path, json, who);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }
}
