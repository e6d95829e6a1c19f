package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person starts a conversation with an agent from the org chart and watches its turn arrive on
 * the page by server push: the tool it calls as a card, its words as they stream, then its answer.
 * The scripted model answers offline, slowly enough that the streaming can be seen. Afterwards the
 * person reads the trace of the agent's turn, finds the conversation on the organization's page,
 * and finds what they told the agent in its memory.
 */
@ExtendWith(ArquillianExtension.class)
class ChatBrowserIT {

  private static final String SCRIPTED = "io.protohive.plugins.llm-scripted";
  private static final By ANSWERS = By.cssSelector("#messages vaadin-markdown");
  private static final By OFFLINE_LABELS = By.cssSelector("#messages .offline-demo-model");

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
  void aPersonChatsWithAnAgentAndSeesItsToolCallAndItsAnswerStreamIn() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("chat");
    String email = admin.email();
    String[] api = admin.bearer();
    for (String plugin : new String[] {SCRIPTED, PluginsApi.CLOCK_ID}) {
      assertThat(PluginsApi.configure(plugin, "{\"enabled\":true}", api).statusCode())
          .isEqualTo(200);
    }
    assertThat(
            PluginsApi.configure(
                    SCRIPTED, "{\"enabled\":true,\"config\":{\"tokenDelayMillis\":\"60\"}}", api)
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

    browser.signIn(email, Accounts.PASSWORD);
    browser.open("organizations/" + organization);
    String linus = agentId(organization, "Linus", api);
    browser.click(By.id("chat-" + linus));
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat")));
    browser.type("chat-input", "Please use clock_now");
    browser.click(By.id("chat-send"));

    await()
        .atMost(Browser.RENDER)
        .until(
            () ->
                !browser.driver.findElements(By.cssSelector("#messages [id^='tool-']")).isEmpty());
    await()
        .atMost(Browser.RENDER)
        .until(() -> lastAnswer().startsWith("The tool clock_now answered:"));
    assertThat(browser.driver.findElements(By.cssSelector("#messages [id^='streaming-']")))
        .as("the streamed words gave way to the answer")
        .isEmpty();
    assertThat(browser.driver.findElement(By.id("chat-stop")).getAttribute("disabled"))
        .as("nothing left to stop")
        .isNotNull();
    browser.screenshot("chat.png");
    assertThat(browser.consoleErrors()).isEmpty();

    browser.type("chat-input", "tell me a long story");
    browser.click(By.id("chat-send"));

    String partial =
        await()
            .atMost(Browser.RENDER)
            .pollInterval(Duration.ofMillis(50))
            .until(this::streamingText, text -> !text.isBlank());
    await()
        .atMost(Browser.RENDER)
        .until(() -> lastAnswer().startsWith("This is the scripted offline model"));
    assertThat(lastAnswer()).as("the words seen while streaming").startsWith(partial.strip());
    assertThat(browser.driver.findElements(ANSWERS)).hasSize(2);
    assertThat(browser.driver.findElements(OFFLINE_LABELS))
        .as("each answer of the offline demo model says so")
        .hasSize(2);
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("#messages .offline-model-llm-link"))
                .getAttribute("href"))
        .as("a tenant admin is shown where to connect a real model")
        .endsWith("/tenant/llm");

    // the first answer's turn: the clock called between two model calls
    browser.click(By.cssSelector("#messages vaadin-button.trace"));
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("run-trace")));
    await().atMost(Browser.RENDER).until(() -> !traceStepKinds().isEmpty());
    assertThat(traceStepKinds())
        .containsSubsequence(
            "context", "prompt", "response", "tool.call", "tool.result", "prompt", "response");
    assertThat(traceStep("response")).contains("Response · scripted-1", "tokens", "1 tool call");
    assertThat(traceStep("tool.call")).contains("clock_now");
    assertThat(traceStep("tool.result")).contains("answered");
    browser.screenshot("run-trace.png");

    browser.open("organizations/" + organization);
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(conversationCell("Conversation with Linus")));
    assertThat(browser.driver.findElements(conversationCell("Linus"))).as("its agents").hasSize(1);
    assertThat(browser.driver.findElements(conversationCell("By @mention")))
        .as("how its speakers are chosen")
        .hasSize(1);

    browser.click(By.id("memory-" + linus));
    browser.type("memory-query", "clock_now");
    browser.click(By.id("memory-search"));
    await()
        .atMost(Browser.RENDER)
        .until(() -> !browser.driver.findElements(By.cssSelector(".memory-hit")).isEmpty());
    List<String> hits =
        browser.driver.findElements(By.cssSelector(".memory-hit")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(hits.get(0))
        .as("the closest memory first")
        .contains("clock_now")
        .containsPattern("\\d+ %");
    assertThat(hits)
        .as("what the person told the agent")
        .anySatisfy(hit -> assertThat(hit).startsWith("Please use clock_now"));
    browser.screenshot("agent-memory.png");

    new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("memory-query")));
    browser.click(conversationCell("Conversation with Linus"));
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat")));
    await().atMost(Browser.RENDER).until(() -> browser.driver.findElements(ANSWERS).size() == 2);
    assertThat(browser.driver.findElements(OFFLINE_LABELS)).as("also on stored answers").hasSize(2);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /** The kinds of the steps the open run trace shows, in order. */
  private List<String> traceStepKinds() {
    return browser.driver.findElements(By.cssSelector(".trace-step")).stream()
        .map(step -> step.getAttribute("data-kind"))
        .toList();
  }

  /** The summary line of the first step of a kind in the open run trace. */
  private String traceStep(String kind) {
    return browser
        .driver
        .findElement(By.cssSelector(".trace-step[data-kind='" + kind + "']"))
        .getText();
  }

  private static By conversationCell(String text) {
    return By.xpath(
        "//vaadin-grid[@id='conversations']//vaadin-grid-cell-content[text()='" + text + "']");
  }

  /** The words of the answer streaming now, or nothing when none is. */
  private String streamingText() {
    try {
      return browser
          .driver
          .findElements(By.cssSelector("#messages [id^='streaming-'] .streamed-words"))
          .stream()
          .map(WebElement::getText)
          .findFirst()
          .orElse("");
    } catch (StaleElementReferenceException finished) {
      return "";
    }
  }

  /** The text of the newest answer an agent finished, or nothing before the first. */
  private String lastAnswer() {
    List<WebElement> answers = browser.driver.findElements(ANSWERS);
    return answers.isEmpty() ? "" : answers.get(answers.size() - 1).getText();
  }

  private static String agentId(String organization, String name, String[] api) throws Exception {
    for (JsonNode agent :
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/agents", api))
            .get("items")) {
      if (agent.get("name").asText().equals(name)) {
        return agent.get("id").asText();
      }
    }
    throw new AssertionError("No agent named " + name);
  }
}
