package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
 * On the developer page a tenant admin makes a service account and a token for it, sees the secret
 * once, a program calls the API with it, and revoking it on the page shuts the program out.
 */
@ExtendWith(ArquillianExtension.class)
class DeveloperBrowserIT {

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
  void anAdminMakesAServiceAccountTokenThatAProgramUsesUntilItIsRevoked() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("developer");
    browser.signIn(admin.email(), Accounts.PASSWORD);
    browser.click(By.xpath("//vaadin-side-nav-item[normalize-space()='Developer']"));
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tokens")));
    assertThat(browser.driver.findElement(By.id("openai-curl")).getText())
        .contains("/api/openai/v1/chat/completions");

    browser.click(By.cssSelector("#service-account-name input"));
    browser.type("service-account-name", "Release bot");
    browser.click(By.id("service-account-make"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("service-accounts"), "Release bot"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("token-owner"), "Release bot (service account)"));

    browser.click(By.cssSelector("#token-name input"));
    browser.type("token-name", "CI pipeline");
    browser.click(By.id("token-make"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-secret")));
    String token =
        browser.driver.findElement(By.cssSelector("#token-secret input")).getAttribute("value");
    assertThat(token).startsWith("ph_");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("tokens"), "CI pipeline"));

    HttpResponse<String> me =
        Platform.send("GET", "api/v1/me", null, "Authorization", "Bearer " + token);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(Platform.json(me).get("displayName").asText()).isEqualTo("Release bot");

    browser.click(
        By.xpath("//vaadin-grid[@id='tokens']//vaadin-button[normalize-space()='Revoke']"));
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//vaadin-grid[@id='tokens']//vaadin-button[normalize-space()='Revoked']")));
    assertThat(
            Platform.send("GET", "api/v1/me", null, "Authorization", "Bearer " + token)
                .statusCode())
        .isEqualTo(401);
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
