package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
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
 * The attacks on sign-in through an OpenID Connect provider: claims the provider did not vouch for,
 * taking over a password account by its email, login CSRF, and a replayed hand-over ticket. The
 * provider is real (mock-oauth2-server on loopback); each test chooses its claims.
 */
@ExtendWith(ArquillianExtension.class)
class OidcSecurityIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final String STATE_COOKIE = "protohive_oidc_state";
  private static final String TICKET_COOKIE = "protohive_oidc_ticket";

  // one per test, so a callback a failed test left queued cannot answer the next one
  private final MockOAuth2Server provider = new MockOAuth2Server();
  private String tenant;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void tenantWithAProvider() throws Exception {
    provider.start();
    tenant = tenant("", "example.org");
  }

  @AfterEach
  void stopProvider() {
    provider.shutdown();
  }

  @Test
  void aMissingEmailVerifiedClaimIsRefused() throws Exception {
    String email = Accounts.newEmail("ada", "example.org");

    HttpResponse<String> back = complete(attempt(Map.of("email", email), subject()));

    assertThat(back.statusCode()).isEqualTo(403);
    assertThat(Platform.json(back).get("detail").asText()).contains("not verified");
    assertThat(accountsWith(email)).isEqualTo("0");
  }

  @Test
  void anEmailVerifiedClaimThatIsNotTheBooleanTrueIsRefused() throws Exception {
    String email = Accounts.newEmail("ada", "example.org");

    HttpResponse<String> back =
        complete(attempt(Map.of("email", email, "email_verified", "true"), subject()));

    assertThat(back.statusCode()).isEqualTo(403);
    assertThat(accountsWith(email)).isEqualTo("0");
  }

  @Test
  void theEmailOfATenantAdminUnverifiedByTheProviderGivesNoAccountAndNoAdminRights()
      throws Exception {
    String admin = Accounts.newEmail("boss", "example.org");
    tenant = tenant(admin, "example.org");

    HttpResponse<String> back = complete(attempt(Map.of("email", admin), subject()));

    assertThat(back.statusCode()).isEqualTo(403);
    assertThat(back.headers().allValues("Set-Cookie"))
        .noneMatch(cookie -> cookie.startsWith("protohive_refresh="));
    assertThat(accountsWith(admin)).isEqualTo("0");
  }

  @Test
  void thePlatformAdminsAddressGetsNoAccountThroughAProvider() throws Exception {
    tenant = tenant("", "");

    HttpResponse<String> back =
        complete(
            attempt(Map.of("email", Accounts.PLATFORM_ADMIN, "email_verified", true), subject()));

    assertThat(back.statusCode()).isEqualTo(400);
    assertThat(accountsWith(Accounts.PLATFORM_ADMIN)).as("the platform admin alone").isEqualTo("1");
  }

  @Test
  void theSameSubjectWithAChangedEmailSignsIntoTheSameAccount() throws Exception {
    String subject = subject();
    String first = Accounts.newEmail("ada", "example.org");
    String second = Accounts.newEmail("ada.lovelace", "example.org");

    assertThat(complete(attempt(verified(first), subject)).statusCode()).isEqualTo(303);
    HttpResponse<String> again =
        complete(attempt(Map.of("email", second, "email_verified", false), subject));

    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(me(again).get("email").asText()).isEqualTo(first);
    assertThat(accountsWith(second)).isEqualTo("0");
    assertThat(links(subject)).isEqualTo("1");
  }

  @Test
  void aPasswordAccountsEmailSignsInOnlyAfterItsOwnerEntersThePassword() throws Exception {
    String email = Accounts.newEmail("grace", "example.org");
    assertThat(Accounts.register(email, Accounts.PASSWORD, tenant).statusCode()).isEqualTo(201);
    String subject = subject();

    HttpResponse<String> back = complete(attempt(verified(email), subject));

    assertThat(back.statusCode()).as("on to the confirmation").isEqualTo(303);
    assertThat(refreshCookie(back)).as("no session before the owner confirms").isEmpty();
    assertThat(links(subject)).isEqualTo("0");

    expect(verified(email), subject);
    try (Browser browser = new Browser()) {
      browser.open("login?tenant=" + tenant);
      browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("oidc-mock"))).click();
      browser.type("oidc-link-password", "not the password of this account");
      browser.click(By.id("oidc-link-confirm"));
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("oidc-outcome"), "wrong"));
      assertThat(links(subject)).isEqualTo("0");

      browser.type("oidc-link-password", Accounts.PASSWORD);
      browser.click(By.id("oidc-link-confirm"));
      browser.waitForSignedIn(email);
      browser.screenshot("oidc-link-confirmed.png");
      assertThat(browser.consoleErrors()).isEmpty();
    }
    assertThat(links(subject)).isEqualTo("1");

    HttpResponse<String> linked = complete(attempt(verified(email), subject));
    assertThat(me(linked).get("email").asText())
        .as("once linked, the provider signs in")
        .isEqualTo(email);
  }

  @Test
  void aCallbackCountsOnlyInTheBrowserThatStartedTheSignIn() throws Exception {
    Attempt attackers = attempt(verified(Accounts.newEmail("mallory", "example.org")), subject());
    Attempt victims = attempt(verified(Accounts.newEmail("victim", "example.org")), subject());

    assertThat(send(attackers.callback(), null).statusCode()).as("no cookie").isEqualTo(401);
    assertThat(send(attackers.callback(), victims.stateCookie()).statusCode())
        .as("another browser's cookie")
        .isEqualTo(401);
    assertThat(complete(attackers).statusCode())
        .as("refusals do not use up the sign-in of the browser it belongs to")
        .isEqualTo(303);
  }

  @Test
  void theTicketHandsOverOneSignInOnceAndNeverTravelsInTheUrl() throws Exception {
    String email = Accounts.newEmail("ada", "example.org");

    HttpResponse<String> back = complete(attempt(verified(email), subject()));

    assertThat(back.statusCode()).isEqualTo(303);
    assertThat(back.headers().firstValue("Location").orElseThrow())
        .endsWith("/oidc-complete")
        .doesNotContain("ticket");
    String ticketCookie =
        back.headers().allValues("Set-Cookie").stream()
            .filter(cookie -> cookie.startsWith(TICKET_COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(ticketCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    String ticket = valueOf(ticketCookie);
    assertThat(
            PlatformIT.query(
                "select count(*) from oidc_ticket where token_hash = '" + ticket + "'"))
        .as("stored hashed")
        .isEqualTo("0");

    try (Browser first = new Browser()) {
      first.open("login");
      first.driver.manage().addCookie(new Cookie(TICKET_COOKIE, ticket));
      first.open("oidc-complete");
      first.wait.until(
          driver ->
              !driver.findElements(By.id("signed-in-as")).isEmpty()
                  || !driver.findElement(By.id("oidc-outcome")).getText().isEmpty());
      assertThat(first.driver.findElements(By.id("oidc-outcome")))
          .as("no refusal")
          .allMatch(outcome -> outcome.getText().isEmpty());
      first.waitForSignedIn(email);
    }
    try (Browser replay = new Browser()) {
      replay.open("login");
      replay.driver.manage().addCookie(new Cookie(TICKET_COOKIE, ticket));
      replay.open("oidc-complete");
      replay.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("oidc-outcome"), "did not succeed"));
    }
  }

  /** One browser's sign-in so far: where the provider sends it back, and its state cookie. */
  private record Attempt(URI callback, String stateCookie) {}

  private Attempt attempt(Map<String, Object> claims, String subject) throws Exception {
    expect(claims, subject);
    HttpResponse<String> start =
        send(Platform.BASE.resolve("api/v1/auth/oidc/" + tenant + "/mock"), null);
    assertThat(start.statusCode()).isEqualTo(303);
    String stateCookie =
        start.headers().allValues("Set-Cookie").stream()
            .filter(cookie -> cookie.startsWith(STATE_COOKIE + "="))
            .findFirst()
            .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
            .orElse(null);
    HttpResponse<String> approved =
        send(URI.create(start.headers().firstValue("Location").orElseThrow()), null);
    assertThat(approved.statusCode()).isEqualTo(302);
    return new Attempt(
        URI.create(approved.headers().firstValue("Location").orElseThrow()), stateCookie);
  }

  private HttpResponse<String> complete(Attempt attempt) throws Exception {
    return send(attempt.callback(), attempt.stateCookie());
  }

  private void expect(Map<String, Object> claims, String subject) {
    Map<String, Object> withName = new HashMap<>(claims);
    withName.putIfAbsent("name", "Test Person");
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback("default", subject, "JWT", null, withName, 3600));
  }

  private static Map<String, Object> verified(String email) {
    return Map.of("email", email, "email_verified", true);
  }

  private static String subject() {
    return UUID.randomUUID().toString();
  }

  private static Optional<String> refreshCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("protohive_refresh="))
        .map(OidcSecurityIT::valueOf)
        .filter(value -> !value.isEmpty())
        .findFirst();
  }

  /** Who the session a callback opened belongs to. */
  private static JsonNode me(HttpResponse<String> back) throws Exception {
    HttpResponse<String> tokens =
        Platform.post(
            "api/v1/auth/refresh",
            "",
            "Cookie",
            "protohive_refresh=" + refreshCookie(back).orElseThrow());
    assertThat(tokens.statusCode()).isEqualTo(200);
    return Platform.json(
        Platform.get(
            "api/v1/me",
            "Authorization",
            "Bearer " + Platform.json(tokens).get("accessToken").asText()));
  }

  private static String valueOf(String setCookie) {
    int end = setCookie.indexOf(';');
    return setCookie.substring(setCookie.indexOf('=') + 1, end < 0 ? setCookie.length() : end);
  }

  private static String accountsWith(String email) throws Exception {
    return PlatformIT.query("select count(*) from user_account where email = '" + email + "'");
  }

  private static String links(String subject) throws Exception {
    return PlatformIT.query("select count(*) from oidc_link where subject = '" + subject + "'");
  }

  /** A tenant with the provider, written straight to the database as tenants-config would. */
  private String tenant(String adminEmails, String allowedDomains) throws Exception {
    String slug = "sso-" + UUID.randomUUID().toString().substring(0, 8);
    PlatformIT.execute(
        "insert into tenant (id, slug, name, self_signup, email_verification, admin_emails,"
            + " allowed_email_domains, oidc_providers, created_at, updated_at) values"
            + " (gen_random_uuid(), '"
            + slug
            + "', 'SSO', true, false, '"
            + adminEmails
            + "', '"
            + allowedDomains
            + "', '[{\"id\":\"mock\",\"name\":\"Mock IdP\",\"issuer\":\""
            + provider.issuerUrl("default")
            + "\",\"clientId\":\"protohive\"}]', now(), now())");
    return slug;
  }

  private static HttpResponse<String> send(URI uri, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
