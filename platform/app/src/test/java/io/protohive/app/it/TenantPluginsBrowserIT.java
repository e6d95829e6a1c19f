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
 * A tenant admin configures a plugin in the form generated from its descriptors, then switches it
 * on; the API sees what the page saved.
 */
@ExtendWith(ArquillianExtension.class)
class TenantPluginsBrowserIT {

  private static final String HTTP_PLUGIN = "io.protohive.plugins.tool-http";

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
                settings(api)
                    .path("values")
                    .path("allowedHosts")
                    .asText()
                    .equals("api.example.com"));

    browser.click(By.id("enabled-" + HTTP_PLUGIN));
    await().atMost(Browser.RENDER).until(() -> settings(api).get("enabled").asBoolean());
    assertThat(PluginsApi.toolAvailable("http.get", api)).isTrue();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private static JsonNode settings(String[] api) throws Exception {
    return Platform.json(Platform.get("api/v1/tenant/plugins/" + HTTP_PLUGIN, api));
  }
}
