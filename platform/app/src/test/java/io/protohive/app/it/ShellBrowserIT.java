package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The UI in Debian's headless Chromium, driven by its chromedriver. */
@ExtendWith(ArquillianExtension.class)
class ShellBrowserIT {

  private static final Duration RENDER = Duration.ofSeconds(60);

  private ChromeDriver browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void openBrowser() {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(env("CHROMEDRIVER_PATH", "/usr/bin/chromedriver")))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(env("CHROMIUM_PATH", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,800");
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void theShellRendersTheSystemViewWithoutConsoleErrors() throws Exception {
    browser.get(Platform.BASE.toString());
    WebDriverWait wait = new WebDriverWait(browser, RENDER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-app-layout")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("fact-plugins"), "1 active"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plugins"), "ACTIVE"));

    assertThat(browser.getTitle()).isEqualTo("System · ProtoHive");
    assertThat(browser.findElement(By.id("fact-database")).getText()).isEqualTo("embedded");
    assertThat(browser.findElement(By.id("plugins")).getText()).contains("Clock");
    screenshot(browser, "shell.png");
    assertThat(consoleErrors(browser)).isEmpty();
  }

  @Test
  void theSignInPageRendersAndRejectsWrongCredentials() throws Exception {
    browser.get(Platform.BASE.resolve("login").toString());
    WebDriverWait wait = new WebDriverWait(browser, RENDER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vaadinLoginUsername")));

    browser.findElement(By.id("vaadinLoginUsername")).sendKeys("admin@protohive.local");
    browser.findElement(By.id("vaadinLoginPassword")).sendKeys("wrong password");
    browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    wait.until(
        d ->
            d.findElement(By.tagName("vaadin-login-form-wrapper")).getDomAttribute("error")
                != null);

    screenshot(browser, "sign-in-rejected.png");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    assertThat(consoleErrors(browser)).isEmpty();
  }

  @Test
  void theFirstAdminSignsInWithTheGeneratedPassword() throws Exception {
    String password = Files.readString(Platform.DATA_DIR.resolve("initial-admin-password")).strip();
    browser.get(Platform.BASE.resolve("login").toString());
    WebDriverWait wait = new WebDriverWait(browser, RENDER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vaadinLoginUsername")));

    browser.findElement(By.id("vaadinLoginUsername")).sendKeys("admin@protohive.local");
    browser.findElement(By.id("vaadinLoginPassword")).sendKeys(password);
    browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("vaadin-app-layout"), "admin@protohive.local"));
    assertThat(browser.getCurrentUrl()).isEqualTo(Platform.BASE.toString());
  }

  private static List<String> consoleErrors(WebDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  private static void screenshot(ChromeDriver browser, String name) throws Exception {
    Path folder = Files.createDirectories(Path.of(System.getProperty("it.screenshots")));
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        folder.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value != null ? value : fallback;
  }
}
