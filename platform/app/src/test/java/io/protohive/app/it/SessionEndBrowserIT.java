package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A signed-in UI whose account is disabled meanwhile is sent to sign in on its next click. */
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
  void aDisabledPersonsOpenUiEndsOnTheNextClick() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("ui-sessions");
    String email = "worker-" + UUID.randomUUID() + "@example.com";
    assertThat(Accounts.register(email, Accounts.PASSWORD, admin.tenant()).statusCode())
        .isEqualTo(201);
    String[] worker =
        PluginsApi.bearer(
            Platform.json(Accounts.login(email, Accounts.PASSWORD)).get("accessToken").asText());
    String workerId = Platform.json(Platform.get("api/v1/me", worker)).get("id").asText();
    browser.signIn(email, Accounts.PASSWORD);

    assertThat(
            Platform.send(
                    "PATCH",
                    "api/v1/tenant/users/" + workerId,
                    "{\"disabled\":true}",
                    admin.bearer())
                .statusCode())
        .isEqualTo(200);
    browser.click(By.xpath("//vaadin-side-nav-item[normalize-space()='Organizations']"));

    browser.wait.until(ExpectedConditions.urlContains("/login"));
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vaadinLoginUsername")));
    browser.open("organizations");
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vaadinLoginUsername")));
    assertThat(browser.driver.findElements(By.id("signed-in-as"))).isEmpty();
    browser.screenshot("session-ended.png");
  }
}
