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

/** The UI in Debian's headless Chromium, as a person uses it. */
@ExtendWith(ArquillianExtension.class)
class ShellBrowserIT {

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
  void theSystemPageIsForPlatformAdminsAndRendersWithoutConsoleErrors() throws Exception {
    browser.open("platform/system");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));

    browser.signIn("admin@protohive.local", Accounts.platformAdminPassword());
    browser.open("platform/system");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-app-layout")));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("fact-plugins"), PluginsApi.bundledCount() + " active"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("plugins"), "ACTIVE"));

    assertThat(browser.driver.getTitle()).isEqualTo("System · ProtoHive");
    assertThat(browser.driver.findElement(By.id("fact-database")).getText()).isEqualTo("embedded");
    assertThat(browser.driver.findElement(By.id("plugins")).getText()).contains("Clock");
    browser.screenshot("shell.png");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void theSignInPageRendersAndRejectsWrongCredentials() throws Exception {
    browser.open("login");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vaadinLoginUsername")));

    browser.driver.findElement(By.id("vaadinLoginUsername")).sendKeys("admin@protohive.local");
    browser.driver.findElement(By.id("vaadinLoginPassword")).sendKeys("wrong password");
    browser.driver.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    browser.wait.until(
        d ->
            d.findElement(By.tagName("vaadin-login-form-wrapper")).getDomAttribute("error")
                != null);

    browser.screenshot("sign-in-rejected.png");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void theFirstAdminSignsInWithTheGeneratedPassword() throws Exception {
    browser.signIn("admin@protohive.local", Accounts.platformAdminPassword());

    assertThat(browser.driver.getCurrentUrl()).isEqualTo(Platform.BASE.toString());
  }

  @Test
  void aPersonSignsUpVerifiesTheirEmailAndCreatesAnOrganization() throws Exception {
    String tenant = Accounts.tenant("verified", true, "");
    String email = "ada-" + UUID.randomUUID() + "@example.com";
    String password = "analytical engine notes";

    browser.open("login");
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-up-link"))).click();
    browser.type("signup-tenant", tenant);
    browser.type("signup-name", "Ada Lovelace");
    browser.type("signup-email", email);
    browser.type("signup-password", password);
    browser.driver.findElement(By.id("signup-submit")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("signup-outcome"), "Check your mail"));
    browser.screenshot("signed-up.png");

    browser.signIn("admin@protohive.local", Accounts.platformAdminPassword());
    browser.open("platform/mail");
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail"), email));
    String body =
        PlatformIT.query(
            "select body from mail_message where recipient = '"
                + email
                + "' order by created_at desc limit 1");
    String link =
        body.lines().filter(l -> l.contains("/verify-email?token=")).findFirst().orElseThrow();
    browser.signOut();

    browser.driver.get(link.strip());
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("verify-outcome"), "verified"));

    browser.signIn(email, password);
    browser.open("organizations");
    browser.type("organization-name", "Analytical Engines Ltd");
    browser.driver.findElement(By.id("organization-create")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("organizations"), "Analytical Engines Ltd"));
    browser.screenshot("organizations.png");
    assertThat(browser.driver.findElement(By.id("organizations")).getText()).contains("owner");

    String colleague = "charles-" + UUID.randomUUID() + "@example.com";
    assertThat(Accounts.register(colleague, password, tenant).statusCode()).isEqualTo(201);
    browser
        .driver
        .findElement(By.id("organizations"))
        .findElement(By.xpath(".//vaadin-grid-cell-content[text()='Analytical Engines Ltd']"))
        .click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), email));
    browser.type("invite-email", colleague);
    browser.driver.findElement(By.id("invite-submit")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("members"), colleague));
    browser.screenshot("members.png");

    browser.driver.findElement(By.id("signed-in-as")).click();
    browser.type("current-password", password);
    browser.type("new-password", "difference engine notes");
    browser.driver.findElement(By.id("change-password")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("password-outcome"), "Your password is changed"));

    browser.signOut();
    browser.open("organizations");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
