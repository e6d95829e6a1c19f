package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A tenant admin registers the protocol's reference MCP server on the MCP servers page, turns one
 * of its tools off there, and gives an agent another in the agent editor; the API sees both. A
 * server the platform cannot use is refused with the reason on its URL.
 */
@ExtendWith(ArquillianExtension.class)
class McpAdminBrowserIT {

  private static EverythingServer everything;
  private Browser browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void startTheReferenceServer() throws Exception {
    everything = EverythingServer.start();
  }

  @AfterAll
  static void stopTheReferenceServer() {
    if (everything != null) {
      everything.close();
    }
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
  void aTenantAdminRegistersAServerTurnsAToolOffAndGivesAnAgentAnother() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("mcp-page");
    String[] api = admin.bearer();

    browser.signIn(admin.email(), Accounts.PASSWORD);
    browser.open("tenant/plugins");
    browser.click(By.id("mcp-servers-link"));
    browser.click(By.id("mcp-register"));
    browser.type("mcp-server-name", "everything");
    browser.type("mcp-server-url", everything.url());
    browser.click(
        By.xpath(
            "//vaadin-radio-group[@id='mcp-server-auth']"
                + "//vaadin-radio-button[.//span[normalize-space()='Bearer token']]"));
    browser.type("mcp-server-token", "s3cret-token");
    browser.click(By.id("mcp-server-register"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("mcp-servers"), "everything"));
    assertThat(browser.driver.findElement(By.id("mcp-servers")).getText())
        .contains(everything.url(), "set")
        .doesNotContain("s3cret-token");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("mcp-tools-everything"), "get-sum"));
    browser.screenshot("mcp-servers.png");

    browser.select("mcp-policy-everything-echo", "Off");
    await().atMost(Browser.RENDER).until(() -> policies(api).contains("echo=OFF"));
    assertThat(policies(api)).contains("get-sum=ALLOWED");

    String organization =
        Platform.json(Platform.post("api/v1/organizations", "{\"name\":\"Northwind\"}", api))
            .get("id")
            .asText();
    browser.open("organizations/" + organization);
    browser.click(By.id("add-agent"));
    browser.type("agent-name", "Adder");
    browser.type("agent-role", "Adds numbers");
    browser.click(mcpTool("mcp.everything.get-sum"));
    assertThat(browser.driver.findElements(mcpTool("mcp.everything.echo")))
        .as("a tool turned off is not offered")
        .isEmpty();
    browser.screenshot("agent-editor-mcp-tools.png");
    browser.click(By.id("agent-save"));
    await()
        .atMost(Browser.RENDER)
        .until(() -> toolsOfAgents(organization, api).contains("mcp.everything.get-sum"));
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aServerThePlatformCannotUseIsRefusedWithTheReason() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("mcp-refused");

    browser.signIn(admin.email(), Accounts.PASSWORD);
    browser.open("tenant/mcp-servers");
    browser.click(By.id("mcp-register"));
    browser.type("mcp-server-name", "gone");
    browser.type("mcp-server-url", "http://localhost:" + EverythingServer.freePort() + "/mcp");
    browser.click(By.id("mcp-server-register"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("mcp-server-url"), "could not be reached"));

    browser.type("mcp-server-url", "http://127.0.0.1:" + everything.port + "/mcp");
    browser.click(By.id("mcp-server-register"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("mcp-server-url"), "loopback"));
    browser.screenshot("mcp-server-refused.png");
    assertThat(Platform.json(Platform.get("api/v1/tenant/mcp-servers", admin.bearer()))).isEmpty();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /** A tool's checkbox in the agent editor's group of MCP tools. */
  private static By mcpTool(String id) {
    return By.xpath(
        "//vaadin-checkbox-group[@id='agent-tools-mcp']//vaadin-checkbox[contains(., '"
            + id
            + "')]");
  }

  /** Each tool of the tenant's servers with its policy, as the API lists them: echo=OFF. */
  private static List<String> policies(String[] api) throws Exception {
    List<String> policies = new ArrayList<>();
    for (JsonNode server : Platform.json(Platform.get("api/v1/tenant/mcp-servers", api))) {
      server
          .get("tools")
          .forEach(
              tool -> policies.add(tool.get("name").asText() + "=" + tool.get("policy").asText()));
    }
    return policies;
  }

  /** The tools of the organization's agents, as the API lists them. */
  private static List<String> toolsOfAgents(String organization, String[] api) throws Exception {
    List<String> tools = new ArrayList<>();
    Platform.json(Platform.get("api/v1/organizations/" + organization + "/agents", api))
        .get("items")
        .forEach(agent -> agent.get("tools").forEach(tool -> tools.add(tool.asText())));
    return tools;
  }
}
