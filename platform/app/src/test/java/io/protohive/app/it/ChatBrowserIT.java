package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person starts a conversation with an agent from the org chart and watches its turn arrive on
 * the page by server push: the tool it calls as a card, its words as they stream, then its answer.
 * The scripted model answers offline, slowly enough that the streaming can be seen.
 */
@ExtendWith(ArquillianExtension.class)
class ChatBrowserIT {

  private static final String SCRIPTED = "io.protohive.plugins.llm-scripted";
  private static final By ANSWERS = By.cssSelector("#messages vaadin-markdown");

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
    browser.click(By.id("chat-" + agentId(organization, "Linus", api)));
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

    await()
        .atMost(Browser.RENDER)
        .until(() -> lastAnswer().startsWith("This is the scripted offline model"));
    assertThat(browser.driver.findElements(ANSWERS)).hasSize(2);
    assertThat(browser.consoleErrors()).isEmpty();
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
