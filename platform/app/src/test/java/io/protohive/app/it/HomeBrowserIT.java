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

/** The home page and the platform admins' tenants page in headless Chromium. */
@ExtendWith(ArquillianExtension.class)
class HomeBrowserIT {

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
  void aNewcomerCreatesTheirFirstAiCompanyFromTheHomePage() throws Exception {
    PluginsApi.TenantAdmin person = PluginsApi.newTenantAdminAccount("newcomer");
    browser.open("");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));

    browser.signIn(person.email(), Accounts.PASSWORD);
    browser.open("");
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-empty")));
    assertThat(browser.driver.getTitle()).isEqualTo("Home · ProtoHive");
    assertThat(browser.driver.findElement(By.id("dashboard-create-organization")).getText())
        .isEqualTo("Create your first AI company from a template");
    browser.screenshot("home-empty.png");

    browser.click(By.id("dashboard-create-organization"));
    browser.type("organization-name", "Moonshot Labs");
    browser.click(By.id("organization-create"));
    browser.wait.until(ExpectedConditions.urlContains("/organizations/"));

    browser.open("");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("dashboard-organizations"), "Moonshot Labs"));
    assertThat(browser.driver.findElements(By.id("dashboard-empty"))).isEmpty();
    assertThat(browser.driver.findElement(By.id("dashboard-organizations")).getText())
        .contains("owner");
    assertThat(browser.driver.findElement(By.id("dashboard-unread")).getText())
        .contains("all caught up");
    assertThat(browser.driver.findElement(By.id("dashboard-spend")).getText()).contains("tokens");
    browser.screenshot("home.png");
    browser
        .driver
        .findElement(By.id("dashboard-organizations"))
        .findElement(By.linkText("Moonshot Labs"))
        .click();
    browser.wait.until(ExpectedConditions.urlContains("/organizations/"));
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aPlatformAdminCreatesDisablesEnablesAndDeletesATenant() throws Exception {
    String slug = "browser-" + UUID.randomUUID().toString().substring(0, 8);
    browser.signIn(Accounts.PLATFORM_ADMIN, Accounts.platformAdminPassword());
    browser.open("");
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-platform")));

    browser.open("platform/tenants");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("tenants"), "Managed by tenants-config"));
    browser.click(By.id("tenant-new"));
    browser.type("tenant-slug", "Not a slug");
    browser.type("tenant-name", "Refused");
    browser.click(By.id("tenant-save"));
    browser.wait.until(d -> d.findElement(By.id("tenant-slug")).getDomAttribute("invalid") != null);

    browser.type("tenant-slug", slug);
    browser.type("tenant-name", "Browser Co");
    browser.type("tenant-admins", "chief@browser.example");
    browser.type("tenant-file-quota", "2");
    browser.click(By.id("tenant-save"));
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenants"), slug));
    assertThat(PlatformIT.query("select origin from tenant where slug = '" + slug + "'"))
        .isEqualTo("API");
    assertThat(PlatformIT.query("select admin_emails from tenant where slug = '" + slug + "'"))
        .isEqualTo("chief@browser.example");
    assertThat(PlatformIT.query("select file_quota_bytes from tenant where slug = '" + slug + "'"))
        .isEqualTo(String.valueOf(2L << 30));

    browser.click(By.id("edit-tenant-" + slug));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("tenant-file-quota"), "take 0 bytes now"));
    browser.select("tenant-file-quota-unit", "MiB");
    browser.type("tenant-file-quota", "512");
    browser.select("tenant-file-store", "disk");
    browser.click(By.id("tenant-save"));
    browser.wait.until(
        d -> {
          try {
            return PlatformIT.query(
                    "select file_quota_bytes || ' ' || coalesce(file_store, '-') from tenant"
                        + " where slug = '"
                        + slug
                        + "'")
                .equals((512L << 20) + " disk");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });

    browser.click(By.id("toggle-tenant-" + slug));
    browser.wait.until(
        d -> {
          try {
            return PlatformIT.query("select disabled::text from tenant where slug = '" + slug + "'")
                .equals("true");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("toggle-tenant-" + slug), "Enable"));
    browser.screenshot("platform-tenants.png");
    browser.click(By.id("toggle-tenant-" + slug));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("toggle-tenant-" + slug), "Disable"));
    assertThat(PlatformIT.query("select disabled::text from tenant where slug = '" + slug + "'"))
        .isEqualTo("false");
    assertThat(browser.driver.findElements(By.id("delete-tenant-" + slug))).isEmpty();

    // only a disabled tenant offers deletion, confirmed by typing its slug
    browser.click(By.id("toggle-tenant-" + slug));
    browser.click(By.id("delete-tenant-" + slug));
    browser.type("tenant-delete-confirm", "not-" + slug);
    browser.click(By.id("tenant-delete"));
    browser.wait.until(
        d -> d.findElement(By.id("tenant-delete-confirm")).getDomAttribute("invalid") != null);
    assertThat(PlatformIT.query("select count(*) from tenant where slug = '" + slug + "'"))
        .isEqualTo("1");
    browser.type("tenant-delete-confirm", slug);
    browser.click(By.id("tenant-delete"));
    browser.wait.until(
        ExpectedConditions.not(
            ExpectedConditions.textToBePresentInElementLocated(By.id("tenants"), slug)));
    assertThat(PlatformIT.query("select count(*) from tenant where slug = '" + slug + "'"))
        .isEqualTo("0");
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
