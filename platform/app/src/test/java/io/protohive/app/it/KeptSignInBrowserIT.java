package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person whose UI session is lost (its node died, or the load balancer sent them elsewhere) is
 * still signed in on their next page; a kept sign-in that was signed out, revoked, forged or left
 * idle too long signs nobody in.
 */
@ExtendWith(ArquillianExtension.class)
class KeptSignInBrowserIT {

  private static final String KEPT = "protohive_signin";
  private static final String SESSION = "JSESSIONID";

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
  void aPersonWhoseSessionIsLostIsStillSignedInOnTheSamePage() throws Exception {
    String email = signedInPerson("kept");
    browser.open("organizations");
    browser.waitForSignedIn(email);
    assertThat(keptCookie()).isNotNull();

    loseTheSession();
    browser.open("organizations");

    browser.waitForSignedIn(email);
    assertThat(browser.driver.getCurrentUrl()).endsWith("/organizations");
  }

  @Test
  void aSignedOutKeptSignInSignsNobodyIn() throws Exception {
    signedInPerson("kept-out");
    Cookie kept = keptCookie();

    browser.signOut();
    browser.driver.manage().addCookie(kept);
    loseTheSession();
    browser.open("organizations");

    assertSentToSignIn();
  }

  @Test
  void aForgedKeptSignInSignsNobodyIn() throws Exception {
    signedInPerson("kept-forged");
    Cookie kept = keptCookie();
    browser.driver.manage().deleteCookieNamed(KEPT);
    browser
        .driver
        .manage()
        .addCookie(
            new Cookie.Builder(KEPT, UUID.randomUUID().toString())
                .path(kept.getPath())
                .isHttpOnly(true)
                .isSecure(kept.isSecure())
                .build());
    loseTheSession();
    browser.open("organizations");

    assertSentToSignIn();
  }

  @Test
  void aKeptSignInLeftIdleLongerThanASessionSignsNobodyIn() throws Exception {
    String email = signedInPerson("kept-idle");
    try (Connection database =
            DriverManager.getConnection(Platform.EMBEDDED_DB_URL, "postgres", "");
        PreparedStatement idle =
            database.prepareStatement(
                "update refresh_token set last_seen_at = now() - interval '31 minutes',"
                    + " issued_at = now() - interval '31 minutes' where user_id ="
                    + " (select id from user_account where email = ?)")) {
      idle.setString(1, email);
      assertThat(idle.executeUpdate()).isPositive();
    }
    loseTheSession();
    browser.open("organizations");

    assertSentToSignIn();
  }

  @Test
  void aDisabledPersonsKeptSignInSignsNobodyIn() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("kept-disabled");
    String email = "worker-" + UUID.randomUUID() + "@example.com";
    assertThat(Accounts.register(email, Accounts.PASSWORD, admin.tenant()).statusCode())
        .isEqualTo(201);
    String[] worker =
        PluginsApi.bearer(
            Platform.json(Accounts.login(email, Accounts.PASSWORD)).get("accessToken").asText());
    String workerId = Platform.json(Platform.get("api/v1/me", worker)).get("id").asText();
    browser.signIn(email, Accounts.PASSWORD);
    Cookie kept = keptCookie();
    assertThat(
            Platform.send(
                    "PATCH",
                    "api/v1/tenant/users/" + workerId,
                    "{\"disabled\":true}",
                    admin.bearer())
                .statusCode())
        .isEqualTo(200);

    browser.driver.manage().addCookie(kept);
    loseTheSession();
    browser.open("organizations");

    assertSentToSignIn();
  }

  /** A new person of a new tenant, signed in to the browser; answers their email. */
  private String signedInPerson(String prefix) throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount(prefix);
    browser.signIn(admin.email(), Accounts.PASSWORD);
    return admin.email();
  }

  private Cookie keptCookie() {
    return browser.driver.manage().getCookieNamed(KEPT);
  }

  /** What the browser holds after its node died: a session id no server knows any more. */
  private void loseTheSession() {
    browser.driver.manage().deleteCookieNamed(SESSION);
  }

  private void assertSentToSignIn() {
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vaadinLoginUsername")));
    assertThat(browser.driver.findElements(By.id("signed-in-as"))).isEmpty();
  }
}
