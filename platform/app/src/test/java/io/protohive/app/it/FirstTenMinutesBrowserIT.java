package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;
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
 * A newcomer's first ten minutes, as the README promises them, in the demo tenant exactly as it
 * ships: sign up, land on an empty home page, create a company from a template, chat with its CEO,
 * ask for something to be done, and watch the board fill and an approval wait, offline.
 */
@ExtendWith(ArquillianExtension.class)
class FirstTenMinutesBrowserIT {

  private static final Logger LOG = Logger.getLogger(FirstTenMinutesBrowserIT.class.getName());
  private static final By ANSWER_LABELS = By.cssSelector("#messages .offline-demo-model");

  private Browser browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void aNewcomerWatchesAnAiCompanyAnswerDelegateAndFillItsBoard() throws Exception {
    String email = "newcomer-" + UUID.randomUUID() + "@example.com";
    browser.open("signup");
    browser.type("signup-name", "Nia Newcomer");
    browser.type("signup-email", email);
    browser.type("signup-password", Accounts.PASSWORD);
    long signedUp = System.nanoTime();
    browser.click(By.id("signup-submit"));

    browser.waitForSignedIn(email);
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-empty")));
    browser.click(By.id("dashboard-create-organization"));
    browser.type("organization-name", "Rocket");
    browser.click(By.id("organization-create"));
    browser.wait.until(ExpectedConditions.urlMatches("/organizations/[0-9a-f-]{36}$"));
    String organization =
        browser.driver.getCurrentUrl().replaceAll(".*/organizations/([0-9a-f-]{36})$", "$1");

    browser.chatWith("Ada");
    browser.type("chat-input", "Hello Ada, who are you?");
    browser.click(By.id("chat-send"));
    await().atMost(Browser.RENDER).until(() -> answers() == 1);
    LOG.info(
        () ->
            "sign-up to the first agent answer: "
                + Duration.ofNanos(System.nanoTime() - signedUp).toMillis()
                + " ms");
    assertThat(browser.driver.findElement(By.id("messages")).getText())
        .as("Ada answers in her role, as the demo model, and says how to connect a real one")
        .contains("Ada", "Chief executive officer", "LLM page");

    browser.type("chat-input", "Please plan our product launch");
    browser.click(By.id("chat-send"));
    await().atMost(Browser.RENDER).until(() -> answers() == 2);
    assertThat(browser.driver.findElements(By.cssSelector("#messages [id^='tool-']")))
        .as("the request went on the task board")
        .isNotEmpty();

    browser.open("organizations/" + organization + "/tasks");
    await()
        .atMost(Browser.RENDER)
        .until(() -> browser.driver.findElements(By.cssSelector(".task-card")).size() >= 5);
    await()
        .atMost(Browser.RENDER)
        .until(
            () ->
                !browser
                    .driver
                    .findElements(By.cssSelector("#column-WAITING_FOR_APPROVAL .task-card"))
                    .isEmpty());
    assertThat(browser.driver.findElement(By.id("column-WAITING_FOR_APPROVAL")).getText())
        .as("Margaret waits for a person before she reads the clock")
        .contains("Margaret");
    browser.screenshot("first-ten-minutes-board.png");

    browser.open("");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("dashboard-approvals"), "clock"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("dashboard-organizations"), "Rocket"));
    assertThat(browser.driver.findElement(By.id("dashboard-unread")).getText())
        .as("what the person watched arrive is not news")
        .doesNotContain("Conversation with Ada");
    browser.screenshot("dashboard.png");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private int answers() {
    return browser.driver.findElements(ANSWER_LABELS).size();
  }
}
