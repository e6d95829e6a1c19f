package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On their profile page a person exports their data, then deletes their account; on the tenant page
 * a tenant admin rotates the key that seals the tenant's messages.
 */
@ExtendWith(ArquillianExtension.class)
class PrivacyBrowserIT {

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
  void aPersonExportsTheirDataThenDeletesTheirAccount() throws Exception {
    String email = Accounts.newEmail("leaving", "example.com");
    String tenant = Accounts.tenant("leaving", false, "");
    assertThat(Accounts.register(email, Accounts.PASSWORD, tenant).statusCode()).isEqualTo(201);
    browser.signIn(email, Accounts.PASSWORD);

    browser.open("profile");
    browser.click(By.id("export-data"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("export-outcome"), "on its way"));
    // the list is read when the page opens: opened again until the job has made the export
    new WebDriverWait(browser.driver, Duration.ofSeconds(90))
        .pollingEvery(Duration.ofSeconds(2))
        .until(
            driver -> {
              browser.open("profile");
              try {
                new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(ExpectedConditions.presenceOfElementLocated(By.linkText("Download")));
                return true;
              } catch (TimeoutException notYet) {
                return false;
              }
            });

    browser.type("erase-confirmation", email);
    browser.click(By.id("erase-account"));
    browser.click(By.cssSelector("vaadin-confirm-dialog-overlay [slot='confirm-button']"));
    browser.wait.until(ExpectedConditions.urlContains("/login"));
    assertThat(Accounts.login(email, Accounts.PASSWORD).statusCode()).isEqualTo(401);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aTenantAdminRotatesTheKeyThatSealsTheTenantsMessages() throws Exception {
    String email = Accounts.newEmail("keeper", "example.com");
    String tenant = Accounts.tenant("keeper", false, email);
    assertThat(Accounts.register(email, Accounts.PASSWORD, tenant).statusCode()).isEqualTo(201);
    browser.signIn(email, Accounts.PASSWORD);

    browser.open("tenant");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-field-keys"), "1 key"));
    String before = browser.driver.findElement(By.id("tenant-field-keys")).getText();
    browser.click(By.id("tenant-rotate-field-keys"));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-field-keys"), "2 keys"));
    assertThat(browser.driver.findElement(By.id("tenant-field-keys")).getText())
        .as("a new key seals")
        .isNotEqualTo(before)
        .contains("AES-256-GCM");
    // the reseal retires the old key in the background: the page shows it when opened again
    new WebDriverWait(browser.driver, Duration.ofSeconds(60))
        .pollingEvery(Duration.ofSeconds(2))
        .until(
            driver -> {
              browser.open("tenant");
              try {
                new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                            By.id("tenant-field-keys"), "1 key opens"));
                return true;
              } catch (TimeoutException notYet) {
                return false;
              }
            });
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
