package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A signed-in UI whose account is disabled meanwhile ends: pushed to sign in, or on its next click.
 */
@ExtendWith(ArquillianExtension.class)
class SessionEndBrowserIT {

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
  void aDisabledPersonsIdlePageIsSentToSignInWithinSecondsWithoutARequest() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("idle-sessions");
    String workerId = signedInWorker(admin);
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));

    disable(admin, workerId);

    // far sooner than the page's next heartbeat: only the server's push can bring it there
    new WebDriverWait(browser.driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlContains("/login"));
    browser.open("organizations");
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vaadinLoginUsername")));
    assertThat(browser.driver.findElements(By.id("signed-in-as"))).isEmpty();
    browser.screenshot("session-ended.png");
  }

  /** A new member of the admin's tenant, signed in to the browser; answers their id. */
  private String signedInWorker(PluginsApi.TenantAdmin admin) throws Exception {
    String email = "worker-" + UUID.randomUUID() + "@example.com";
    assertThat(Accounts.register(email, Accounts.PASSWORD, admin.tenant()).statusCode())
        .isEqualTo(201);
    String[] worker =
        PluginsApi.bearer(
            Platform.json(Accounts.login(email, Accounts.PASSWORD)).get("accessToken").asText());
    String workerId = Platform.json(Platform.get("api/v1/me", worker)).get("id").asText();
    browser.signIn(email, Accounts.PASSWORD);
    return workerId;
  }

  private static void disable(PluginsApi.TenantAdmin admin, String userId) throws Exception {
    assertThat(
            Platform.send(
                    "PATCH", "api/v1/tenant/users/" + userId, "{\"disabled\":true}", admin.bearer())
                .statusCode())
        .isEqualTo(200);
  }
}
