package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
 * A tenant admin sets the model route and a budget on the LLM page; a chat through the API then
 * uses that route, and the usage tab draws it.
 */
@ExtendWith(ArquillianExtension.class)
class LlmAdminBrowserIT {

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
  void aTenantAdminSetsTheRouteAndABudgetAndSeesTheUsage() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("llm");
    String email = admin.email();
    String[] api = admin.bearer();
    assertThat(
            PluginsApi.configure("io.protohive.plugins.llm-scripted", "{\"enabled\":true}", api)
                .statusCode())
        .isEqualTo(200);

    browser.signIn(email, Accounts.PASSWORD);
    browser.open("tenant/llm");
    browser.choose("route-provider-0", "Scripted");
    browser.choose("route-model-0", "scripted-1");
    browser.screenshot("llm-route.png");
    browser.click(By.id("route-save"));
    browser.screenshot("llm-route-saved.png");
    await()
        .atMost(Browser.RENDER)
        .until(
            () ->
                Platform.json(Platform.get("api/v1/tenant/llm-route", api))
                    .path("steps")
                    .toString()
                    .contains("scripted-1"));

    browser.click(By.id("llm-budgets-tab"));
    browser.choose("budget-scope", "Tenant");
    browser.select("budget-unit", "tokens");
    browser.type("budget-amount", "5000");
    browser.click(By.id("budget-save"));
    await()
        .atMost(Browser.RENDER)
        .until(
            () ->
                Platform.json(Platform.get("api/v1/tenant/budgets", api))
                    .path("items")
                    .findValuesAsText("amount")
                    .contains("5000"));

    String organization =
        Platform.json(Platform.post("api/v1/organizations", "{\"name\":\"Research\"}", api))
            .get("id")
            .asText();
    JsonNode answer =
        Platform.json(
            Platform.post(
                "api/v1/llm/chat",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}],"
                    + "\"organizationId\":\""
                    + organization
                    + "\"}",
                api));
    assertThat(answer.get("content").asText()).startsWith("This is the scripted");

    browser.open("tenant/llm");
    browser.click(By.id("llm-usage-tab"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("usage-grid"), "1"));
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#usage-chart svg, #usage-chart")));
    browser.screenshot("llm-usage.png");
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
