package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A tenant admin configures a plugin in the form generated from its descriptors, then switches it
 * on; and holds a tool for approval in task work. The API sees what the page saved.
 */
@ExtendWith(ArquillianExtension.class)
class TenantPluginsBrowserIT {

  private static final String HTTP_PLUGIN = "io.protohive.plugins.tool-http";
  private static final By HELD_CLOCK =
      By.xpath(
          "//vaadin-multi-select-combo-box-item[starts-with(normalize-space(), 'clock.now ')]");

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
  void aTenantAdminConfiguresAndEnablesAPluginFromItsForm() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("forms");
    String email = admin.email();
    String[] api = admin.bearer();

    browser.signIn(email, Accounts.PASSWORD);
    browser.open("tenant/plugins");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("tenant-plugins"), "HTTP request"));
    browser.click(By.id("configure-" + HTTP_PLUGIN));
    browser.type("setting-allowedHosts", "api.example.com");
    browser.screenshot("tenant-plugin-settings.png");
    browser.click(By.id("plugin-settings-save"));
    await()
        .atMost(Browser.RENDER)
        .until(
            () ->
                settings(HTTP_PLUGIN, api)
                    .path("values")
                    .path("allowedHosts")
                    .asText()
                    .equals("api.example.com"));

    browser.click(By.id("enabled-" + HTTP_PLUGIN));
    await()
        .atMost(Browser.RENDER)
        .until(() -> settings(HTTP_PLUGIN, api).get("enabled").asBoolean());
    assertThat(PluginsApi.toolAvailable("http.get", api)).isTrue();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aTenantAdminHoldsAToolForApprovalInTaskWork() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("held");
    String[] api = admin.bearer();
    // http.post is consequential: held whatever the admin chooses
    assertThat(
            PluginsApi.configure(
                    HTTP_PLUGIN,
                    "{\"enabled\":true,\"config\":{\"allowedHosts\":\"api.example.com\"}}",
                    api)
                .statusCode())
        .isEqualTo(200);

    browser.signIn(admin.email(), Accounts.PASSWORD);
    browser.open("tenant/plugins");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("approval-tools-always"), "http.post"));
    browser.click(By.id("enabled-" + PluginsApi.CLOCK_ID));
    await()
        .atMost(Browser.RENDER)
        .until(() -> settings(PluginsApi.CLOCK_ID, api).get("enabled").asBoolean());
    // the clock's tool is offered once its plugin is enabled, without a reload
    WebElement input =
        browser.wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#approval-tools input")));
    input.sendKeys("clock.now");
    browser.wait.until(ExpectedConditions.elementToBeClickable(HELD_CLOCK)).click();
    input.sendKeys(Keys.TAB);
    browser.click(By.id("approval-tools-save"));

    await().atMost(Browser.RENDER).until(() -> heldTools(api).equals(List.of("clock.now")));
    browser.open("tenant/plugins");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(
                "#approval-tools vaadin-multi-select-combo-box-chip[slot='chip'][title^='clock.now']")));
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /** The tools the tenant holds for approval, as the API tells them. */
  private static List<String> heldTools(String[] api) throws Exception {
    List<String> held = new ArrayList<>();
    Platform.json(Platform.get("api/v1/tenant/approval-tools", api))
        .get("toolIds")
        .forEach(toolId -> held.add(toolId.asText()));
    return held;
  }

  private static JsonNode settings(String pluginId, String[] api) throws Exception {
    return Platform.json(Platform.get("api/v1/tenant/plugins/" + pluginId, api));
  }
}
