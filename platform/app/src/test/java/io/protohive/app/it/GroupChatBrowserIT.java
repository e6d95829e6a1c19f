package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person starts a conversation with two agents from the organization's page, choosing that they
 * take turns, and writes to them: each answers once, in the conversation's order, under its own
 * name. The scripted model gives each agent words of its own, so that an answer in the wrong name
 * shows.
 */
@ExtendWith(ArquillianExtension.class)
class GroupChatBrowserIT {

  private static final String SCRIPTED = "io.protohive.plugins.llm-scripted";
  private static final String ADA_SAYS = "We ship on Friday.";
  private static final String MARGARET_SAYS = "The stories are ready for it.";
  private static final String ROUND_ROBIN =
      "//vaadin-radio-group[@id='conversation-speakers']"
          + "//vaadin-radio-button[.//span[normalize-space()='Round robin']]";

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
  void twoAgentsTakingTurnsEachAnswerOnceInTheirOwnName() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("group-chat");
    String[] api = admin.bearer();
    String plan = "@Ada: say: " + ADA_SAYS + "\n@Margaret: say: " + MARGARET_SAYS;
    assertThat(
            PluginsApi.configure(
                    SCRIPTED,
                    new ObjectMapper()
                        .writeValueAsString(
                            Map.of(
                                "enabled",
                                true,
                                "config",
                                Map.of("tokenDelayMillis", "1", "plan", plan))),
                    api)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/llm-route",
                    "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
                    api)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> created =
        Platform.post(
            "api/v1/organizations", "{\"name\":\"Rocket\",\"template\":\"software-startup\"}", api);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String organization = Platform.json(created).get("id").asText();

    browser.signIn(admin.email(), Accounts.PASSWORD);
    browser.open("organizations/" + organization);
    browser.click(By.id("new-conversation"));
    chooseAgent("Ada", 1);
    chooseAgent("Margaret", 2);
    // leaves the agents' list, which would cover the ways of choosing speakers
    agentsInput().sendKeys(Keys.TAB);
    browser.click(By.xpath(ROUND_ROBIN));
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.xpath(ROUND_ROBIN + "[@checked]")));
    browser.click(By.id("conversation-start"));
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat")));
    browser.type("chat-input", "Where do we stand?");
    browser.click(By.id("chat-send"));

    await()
        .atMost(Browser.RENDER)
        .ignoreException(StaleElementReferenceException.class)
        .until(() -> answers().size() == 2);
    assertThat(answers())
        .containsExactly(new Answer("Ada", ADA_SAYS), new Answer("Margaret", MARGARET_SAYS));
    browser.screenshot("group-chat.png");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /** An agent's finished answer in the conversation, under the name it is shown with. */
  private record Answer(String author, String text) {}

  /** The agents' finished answers, in the order the page shows them. */
  private List<Answer> answers() {
    return browser.driver.findElements(By.cssSelector("#messages > [id^='message-']")).stream()
        .filter(bubble -> !bubble.findElements(By.tagName("vaadin-markdown")).isEmpty())
        .map(
            bubble ->
                new Answer(
                    bubble.findElement(By.className("message-author")).getText(),
                    bubble.findElement(By.tagName("vaadin-markdown")).getText()))
        .toList();
  }

  /**
   * Adds an agent to the new conversation by typing its name into the list of agents and picking it
   * there.
   *
   * @param chosen how many agents are chosen after this one
   */
  private void chooseAgent(String name, int chosen) {
    agentsInput().sendKeys(name);
    browser
        .wait
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//vaadin-multi-select-combo-box-item[starts-with(normalize-space(), '"
                        + name
                        + " ')]")))
        .click();
    WebElement agents = browser.driver.findElement(By.id("conversation-agents"));
    browser.wait.until(
        driver ->
            ((Number)
                        browser.driver.executeScript(
                            "return arguments[0].selectedItems.length;", agents))
                    .intValue()
                == chosen);
  }

  private WebElement agentsInput() {
    return browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#conversation-agents input")));
  }
}
