package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Sign-in through a tenant's OpenID Connect provider: a real OIDC server on loopback
 * (mock-oauth2-server), the authorization-code flow with PKCE, provisioning on first sign-in.
 */
@ExtendWith(ArquillianExtension.class)
class OidcIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final MockOAuth2Server provider = new MockOAuth2Server();
  private final String clientSecret = "client-secret-" + UUID.randomUUID();
  private String tenant;
  private Path tenantFile;
  private Path secretFile;
  private String stateCookie;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void tenantWithAProvider() throws Exception {
    provider.start();
    tenant = "sso-" + UUID.randomUUID().toString().substring(0, 8);
    tenantFile = Path.of(System.getProperty("it.tenants.dir")).resolve(tenant + ".yaml");
    secretFile = Files.writeString(Files.createTempFile(tenant, ".secret"), clientSecret + "\n");
    Files.writeString(
        tenantFile,
        "slug: "
            + tenant
            + "\nname: SSO\nallowedEmailDomains: [example.org]\noidcProviders:\n"
            + "  - id: mock\n    name: Mock IdP\n    issuer: "
            + provider.issuerUrl("default")
            + "\n    clientId: protohive\n    clientSecret: {file: "
            + secretFile
            + "}\n");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                PlatformIT.query(
                        "select count(*) from tenant where slug = '"
                            + tenant
                            + "' and oidc_providers like '%Mock IdP%'")
                    .equals("1"));
  }

  @AfterEach
  void stop() throws Exception {
    Files.deleteIfExists(tenantFile);
    Files.deleteIfExists(secretFile);
    provider.shutdown();
  }

  @Test
  void aPersonSignsInThroughTheProviderAndGetsAnAccount() throws Exception {
    String email = "ada-" + UUID.randomUUID() + "@example.org";
    String subject = UUID.randomUUID().toString();
    expectSignIn(email, subject);

    HttpResponse<String> back = throughProvider();
    assertThat(back.statusCode()).isEqualTo(303);
    assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/oidc-complete");
    String cookie =
        back.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("protohive_refresh="))
            .findFirst()
            .orElseThrow();
    String refresh = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));

    HttpResponse<String> tokens =
        Platform.post("api/v1/auth/refresh", "", "Cookie", "protohive_refresh=" + refresh);
    assertThat(tokens.statusCode()).isEqualTo(200);
    JsonNode me =
        Platform.json(
            Platform.get(
                "api/v1/me",
                "Authorization",
                "Bearer " + Platform.json(tokens).get("accessToken").asText()));
    assertThat(me.get("email").asText()).isEqualTo(email);
    assertThat(me.get("tenant").get("slug").asText()).isEqualTo(tenant);
    assertThat(me.get("displayName").asText()).isEqualTo("Ada Lovelace");

    expectSignIn(email, subject);
    assertThat(throughProvider().statusCode())
        .as("the second sign-in finds the account")
        .isEqualTo(303);
    assertThat(PlatformIT.query("select count(*) from user_account where email = '" + email + "'"))
        .isEqualTo("1");
  }

  @Test
  void theClientSecretIsStoredSealedAndReachesOnlyTheProvidersTokenEndpoint() throws Exception {
    assertThat(PlatformIT.query("select oidc_providers from tenant where slug = '" + tenant + "'"))
        .contains("\"sealedClientSecret\":\"v1:")
        .doesNotContain(clientSecret);

    expectSignIn("ada-" + UUID.randomUUID() + "@example.org");
    assertThat(throughProvider().statusCode()).isEqualTo(303);

    RecordedRequest request = provider.takeRequest(5, TimeUnit.SECONDS);
    while (request != null && !request.getPath().endsWith("/token")) {
      request = provider.takeRequest(5, TimeUnit.SECONDS);
    }
    assertThat(request).as("the token exchange").isNotNull();
    assertThat(request.getBody().readUtf8()).contains("client_secret=" + clientSecret);
    Platform.assertNotLogged(clientSecret);
  }

  @Test
  void anAddressOutsideTheAllowedDomainsIsRefused() throws Exception {
    String email = "mallory-" + UUID.randomUUID() + "@example.com";
    expectSignIn(email);

    assertThat(throughProvider().statusCode()).isEqualTo(403);
    assertThat(PlatformIT.query("select count(*) from user_account where email = '" + email + "'"))
        .isEqualTo("0");
  }

  @Test
  void aCallbackWorksOnceAndOnlyForAStateThePlatformIssued() throws Exception {
    expectSignIn("grace-" + UUID.randomUUID() + "@example.org");
    URI callback = providerRedirect();

    assertThat(send(callback).statusCode()).isEqualTo(303);
    assertThat(send(callback).statusCode()).as("replayed").isEqualTo(401);
    assertThat(
            send(
                    Platform.BASE.resolve("api/v1/auth/oidc/callback?state=forged&code=x"),
                    "protohive_oidc_state=forged")
                .statusCode())
        .isEqualTo(401);
    assertThat(send(Platform.BASE.resolve("api/v1/auth/oidc/" + tenant + "/nope")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void thePersonSignsInToTheUiWithTheProviderButton() throws Exception {
    String email = "ada-" + UUID.randomUUID() + "@example.org";
    expectSignIn(email);
    try (Browser browser = new Browser()) {
      browser.open("login?tenant=" + tenant);
      browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("oidc-mock"))).click();
      browser.waitForSignedIn(email);
      browser.screenshot("signed-in-with-oidc.png");
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  private void expectSignIn(String email) {
    expectSignIn(email, UUID.randomUUID().toString());
  }

  private void expectSignIn(String email, String subject) {
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "default",
            subject,
            "JWT",
            null,
            Map.of("email", email, "email_verified", true, "name", "Ada Lovelace"),
            3600));
  }

  /** Starts at the platform, lets the provider approve, and follows it back to the platform. */
  private HttpResponse<String> throughProvider() throws Exception {
    return send(providerRedirect());
  }

  /** Where the provider sends the person back; the state cookie is kept for {@link #send}. */
  private URI providerRedirect() throws Exception {
    HttpResponse<String> start =
        send(Platform.BASE.resolve("api/v1/auth/oidc/" + tenant + "/mock"));
    assertThat(start.statusCode()).isEqualTo(303);
    String setCookie = start.headers().firstValue("Set-Cookie").orElseThrow();
    stateCookie = setCookie.substring(0, setCookie.indexOf(';'));
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    assertThat(authorize.getQuery()).contains("code_challenge_method=S256", "nonce=", "state=");
    HttpResponse<String> approved = send(authorize);
    assertThat(approved.statusCode()).isEqualTo(302);
    return URI.create(approved.headers().firstValue("Location").orElseThrow());
  }

  /** Sends the state cookie of the browser this test plays along. */
  private HttpResponse<String> send(URI uri) throws Exception {
    return send(uri, stateCookie);
  }

  private static HttpResponse<String> send(URI uri, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
