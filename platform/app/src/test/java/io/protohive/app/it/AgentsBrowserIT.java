package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
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
 * A person starts an organization from a template on the organizations page, finds its agents in
 * the org chart, and adds one under a manager in the agent editor; the API sees the new reporting
 * line.
 */
@ExtendWith(ArquillianExtension.class)
class AgentsBrowserIT {

  private static final String ORGANIZATION = "Rocket Science";

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
  void aPersonStartsAnOrganizationFromATemplateAndAddsAnAgentToItsOrgChart() throws Exception {
    String email = "founder-" + UUID.randomUUID() + "@example.com";
    String tenant = Accounts.tenant("agents", false, "");
    assertThat(Accounts.register(email, Accounts.PASSWORD, tenant).statusCode()).isEqualTo(201);
    String[] api =
        PluginsApi.bearer(
            Platform.json(Accounts.login(email, Accounts.PASSWORD)).get("accessToken").asText());

    browser.signIn(email, Accounts.PASSWORD);
    browser.open("organizations");
    browser.type("organization-name", ORGANIZATION);
    browser.click(By.id("organization-template"));
    browser.click(
        By.xpath("//vaadin-select-item[@role='option' and contains(., 'Software startup')]"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("organization-template"), "Software startup"));
    browser.click(By.id("organization-create"));
    browser.click(
        By.xpath(
            "//vaadin-grid[@id='organizations']//vaadin-grid-cell-content[text()='"
                + ORGANIZATION
                + "']"));
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents"), "Ada"));

    String url = browser.driver.getCurrentUrl();
    String organization = url.substring(url.lastIndexOf('/') + 1);
    Map<String, JsonNode> agents = agentsByName(organization, api);
    assertThat(browser.driver.findElement(By.cssSelector("#agents [id^='agent-card-']")).getText())
        .as("the first card, at the top of the chart")
        .contains("Ada", "Chief executive officer")
        .doesNotContain("Reports to");
    assertThat(card(agents.get("Linus")))
        .contains("Linus", "Chief technology officer", "Reports to Ada", "clock.now");
    assertThat(card(agents.get("Grace"))).contains("Reports to Linus");
    browser.screenshot("org-chart.png");

    browser.click(By.id("add-agent"));
    browser.type("agent-name", "Zoe");
    browser.type("agent-role", "Designer");
    browser.type("agent-persona", "You are Zoe, a product designer. You sketch flows first.");
    browser.choose("agent-manager", "Margaret");
    browser.screenshot("agent-editor.png");
    browser.click(By.id("agent-save"));
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents"), "Zoe"));

    String margaret = agents.get("Margaret").get("id").asText();
    await()
        .atMost(Browser.RENDER)
        .until(
            () ->
                agentsByName(organization, api)
                    .getOrDefault("Zoe", MissingNode.getInstance())
                    .path("managerId")
                    .asText()
                    .equals(margaret));
    assertThat(card(agentsByName(organization, api).get("Zoe")))
        .contains("Designer", "Reports to Margaret");
    browser.screenshot("org-chart-with-zoe.png");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private String card(JsonNode agent) {
    return browser.driver.findElement(By.id("agent-card-" + agent.get("id").asText())).getText();
  }

  /** The organization's agents by name, as the API lists them to the person. */
  private static Map<String, JsonNode> agentsByName(String organization, String[] api)
      throws Exception {
    Map<String, JsonNode> agents = new HashMap<>();
    Platform.json(Platform.get("api/v1/organizations/" + organization + "/agents", api))
        .get("items")
        .forEach(agent -> agents.put(agent.get("name").asText(), agent));
    return agents;
  }
}
