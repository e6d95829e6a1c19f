package io.protohive.app.it;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium, driven by its chromedriver, as the UI tests use it. */
final class Browser implements AutoCloseable {

  static final Duration RENDER = Duration.ofSeconds(60);

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final URI base;

  Browser() {
    this(Platform.BASE);
  }

  /** A browser that opens its pages from {@code base}: a cluster's load balancer, for example. */
  Browser(URI base) {
    this.base = base;
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
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, RENDER);
  }

  void open(String path) {
    driver.get(base.resolve(path).toString());
  }

  /** Types into a Vaadin text field or text area, found by id. */
  void type(String id, String text) {
    WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    WebElement input = field.findElement(By.cssSelector("input, textarea"));
    input.clear();
    input.sendKeys(text);
    input.sendKeys(Keys.TAB);
  }

  void signIn(String email, String password) {
    open("login");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vaadinLoginUsername")));
    driver.findElement(By.id("vaadinLoginUsername")).sendKeys(email);
    driver.findElement(By.id("vaadinLoginPassword")).sendKeys(password);
    driver.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    waitForSignedIn(email);
  }

  void waitForSignedIn(String email) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), email));
  }

  void signOut() {
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
    wait.until(ExpectedConditions.urlContains("/login"));
  }

  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /**
   * Clicks an element once it is clickable, scrolled into view first (grids scroll sideways). A
   * view that renders again meanwhile replaces the element: it is then looked up anew.
   */
  void click(By locator) {
    new WebDriverWait(driver, RENDER)
        .ignoring(StaleElementReferenceException.class)
        .until(
            current -> {
              WebElement element = current.findElement(locator);
              ((JavascriptExecutor) current)
                  .executeScript(
                      "arguments[0].scrollIntoView({block:'center',inline:'center'})", element);
              if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
              }
              element.click();
              return true;
            });
  }

  /** Opens a chat with an agent from its card on the organization page that is open. */
  void chatWith(String agent) {
    click(
        By.xpath(
            "//*[starts-with(@id, 'agent-card-')][contains(normalize-space(), '"
                + agent
                + "')]//vaadin-button[starts-with(@id, 'chat-')]"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat")));
  }

  /** Chooses an item of a Vaadin combo box, found by id, by typing its label. */
  void choose(String id, String label) {
    WebElement input =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " input")));
    input.clear();
    input.sendKeys(label);
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-combo-box-item[contains(normalize-space(), '" + label + "')]")))
        .click();
    wait.until(driver -> input.getAttribute("value").contains(label));
  }

  /** Chooses an item of a Vaadin select, found by id, by its label. */
  void select(String id, String label) {
    click(By.id(id));
    click(By.xpath("//vaadin-select-item[@role='option' and normalize-space()='" + label + "']"));
  }

  void screenshot(String name) throws Exception {
    Path folder = Files.createDirectories(Path.of(System.getProperty("it.screenshots")));
    Files.copy(
        driver.getScreenshotAs(OutputType.FILE).toPath(),
        folder.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value != null ? value : fallback;
  }
}
