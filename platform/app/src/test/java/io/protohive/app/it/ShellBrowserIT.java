package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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

  @Test
  void aPersonSignsUpVerifiesTheirEmailAndCreatesAnOrganization() throws Exception {
    String tenant = "verified-" + UUID.randomUUID().toString().substring(0, 8);
    PlatformIT.execute(
        "insert into tenant (id, slug, name, self_signup, email_verification, created_at,"
            + " updated_at) values (gen_random_uuid(), '"
            + tenant
            + "', 'Verified', true, true, now(), now())");
    String email = "ada-" + UUID.randomUUID() + "@example.com";
    String password = "analytical engine notes";
    WebDriverWait wait = new WebDriverWait(browser, RENDER);

    browser.get(Platform.BASE.resolve("login").toString());
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-up-link"))).click();
    type(wait, "signup-tenant", tenant);
    type(wait, "signup-name", "Ada Lovelace");
    type(wait, "signup-email", email);
    type(wait, "signup-password", password);
    browser.findElement(By.id("signup-submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("signup-outcome"), "Check your mail"));
    screenshot(browser, "signed-up.png");

    signIn(wait, "admin@protohive.local", adminPassword());
    browser.get(Platform.BASE.resolve("platform/mail").toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail"), email));
    String body =
        PlatformIT.query(
            "select body from mail_message where recipient = '"
                + email
                + "' order by created_at desc limit 1");
    String link =
        body.lines().filter(l -> l.contains("/verify-email?token=")).findFirst().orElseThrow();
    signOut(wait);

    browser.get(link.strip());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("verify-outcome"), "verified"));

    signIn(wait, email, password);
    browser.get(Platform.BASE.resolve("organizations").toString());
    type(wait, "organization-name", "Analytical Engines Ltd");
    browser.findElement(By.id("organization-create")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("organizations"), "Analytical Engines Ltd"));
    screenshot(browser, "organizations.png");
    assertThat(browser.findElement(By.id("organizations")).getText()).contains("owner");

    String colleague = "charles-" + UUID.randomUUID() + "@example.com";
    assertThat(
            Platform.post(
                    "api/v1/auth/register",
                    "{\"email\":\""
                        + colleague
                        + "\",\"password\":\""
                        + password
                        + "\",\"displayName\":\"Charles\",\"tenant\":\""
                        + tenant
                        + "\"}")
                .statusCode())
        .isEqualTo(201);
    browser
        .findElement(By.id("organizations"))
        .findElement(By.xpath(".//vaadin-grid-cell-content[text()='Analytical Engines Ltd']"))
        .click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), email));
    type(wait, "invite-email", colleague);
    browser.findElement(By.id("invite-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), colleague));
    screenshot(browser, "members.png");

    browser.findElement(By.id("signed-in-as")).click();
    type(wait, "current-password", password);
    type(wait, "new-password", "difference engine notes");
    browser.findElement(By.id("change-password")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("password-outcome"), "Your password is changed"));

    signOut(wait);
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    browser.get(Platform.BASE.resolve("organizations").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
    assertThat(consoleErrors(browser)).isEmpty();
  }

  private void signIn(WebDriverWait wait, String email, String password) {
    browser.get(Platform.BASE.resolve("login").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vaadinLoginUsername")));
    browser.findElement(By.id("vaadinLoginUsername")).sendKeys(email);
    browser.findElement(By.id("vaadinLoginPassword")).sendKeys(password);
    browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), email));
  }

  private void signOut(WebDriverWait wait) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
    wait.until(ExpectedConditions.urlContains("/login"));
  }

  private void type(WebDriverWait wait, String id, String text) {
    var field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    var input = field.findElement(By.tagName("input"));
    input.clear();
    input.sendKeys(text);
    input.sendKeys(org.openqa.selenium.Keys.TAB);
  }

  private static String adminPassword() throws Exception {
    return Files.readString(Platform.DATA_DIR.resolve("initial-admin-password")).strip();
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
