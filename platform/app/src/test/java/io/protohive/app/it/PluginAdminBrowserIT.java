package io.protohive.app.it;

import static io.protohive.app.it.PluginsApi.CLOCK_ID;
import static io.protohive.app.it.PluginsApi.MISBEHAVING;
import static io.protohive.app.it.PluginsApi.MISBEHAVING_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A platform admin manages plugins in Debian's headless Chromium: sees, uploads (after reading what
 * the jar declares), removes.
 */
@ExtendWith(ArquillianExtension.class)
class PluginAdminBrowserIT {

  private static final String ADMIN = "admin@protohive.local";

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
  void closeBrowserAndRemoveTestPlugin() throws Exception {
    browser.close();
    // the test removes it through the page; this catches a run that failed before it could
    PluginsApi.remove(MISBEHAVING_ID, PluginsApi.platformAdmin());
  }

  @Test
  void anAdminUploadsAPluginJarAndRemovesItAgain() throws Exception {
    browser.signIn(ADMIN, Accounts.platformAdminPassword());
    browser.open("platform/plugins");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("plugins"), CLOCK_ID));
    assertThat(pluginsText()).contains("CN=ProtoHive Development");

    WebElement upload =
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plugin-upload")));
    fileInput(upload).sendKeys(MISBEHAVING.toAbsolutePath().toString());
    WebElement inspection =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.id("inspection-capabilities")));
    assertThat(inspection.getText()).contains("consequential tools: misbehaving.check-token");
    assertThat(PluginsApi.installed(MISBEHAVING_ID, PluginsApi.platformAdmin()))
        .as("nothing installs before the admin confirms")
        .isFalse();
    browser.click(By.cssSelector("vaadin-confirm-dialog-overlay [slot='confirm-button']"));
    await()
        .atMost(Browser.RENDER)
        .ignoreException(StaleElementReferenceException.class)
        .until(() -> pluginsText().contains(MISBEHAVING_ID));
    browser.screenshot("plugins-uploaded.png");

    browser.click(By.id("remove-" + MISBEHAVING_ID));
    browser.click(By.cssSelector("vaadin-confirm-dialog-overlay [slot='confirm-button']"));
    await()
        .atMost(Browser.RENDER)
        .ignoreException(StaleElementReferenceException.class)
        .until(() -> !pluginsText().contains(MISBEHAVING_ID));

    assertThat(PluginsApi.installed(MISBEHAVING_ID, PluginsApi.platformAdmin())).isFalse();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private String pluginsText() {
    return browser.driver.findElement(By.id("plugins")).getText();
  }

  /**
   * The file input of a vaadin-upload: in its shadow root in the current version, in its light DOM
   * in others. Chromium lets Selenium fill it although it is hidden.
   */
  private static WebElement fileInput(WebElement upload) {
    By file = By.cssSelector("input[type='file']");
    List<WebElement> light = upload.findElements(file);
    return light.isEmpty() ? upload.getShadowRoot().findElement(file) : light.get(0);
  }
}
