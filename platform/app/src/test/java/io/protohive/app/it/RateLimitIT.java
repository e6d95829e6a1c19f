package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rate limits as a tenants-config file sets them for its tenant: per person, for the whole tenant
 * and for model calls. A refusal is a 429 problem with Retry-After and the RateLimit headers; the
 * people of other tenants go on; a refused person gets in again once tokens come back.
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitIT {

  private static final String ORGANIZATIONS = "api/v1/organizations";
  private static final String CHAT =
      "{\"organizationId\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"Say"
          + " something.\"}]}";

  private final Path folder = Path.of(System.getProperty("it.tenants.dir"));
  private final String slug = "limited-" + UUID.randomUUID().toString().substring(0, 8);
  private final Path file = folder.resolve(slug + ".yaml");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aTenantsLimitsRefuseTheRequestAfterTheQuotaAndOnlyForItsPeople() throws Exception {
    try {
      Files.writeString(
          file,
          """
          slug: %s
          name: Limited
          selfSignup: true
          emailVerification: false
          plugins:
            io.protohive.plugins.llm-scripted: {}
          llm:
            route:
              - provider: scripted
                model: scripted-1
          rateLimits: {user: 4, tenant: 6, llm: 1}
          """
              .formatted(slug));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  PlatformIT.query("select count(*) from tenant where slug = '" + slug + "'")
                      .equals("1"));
      String[] alice = signedUp(slug);
      String[] bob = signedUp(slug);
      String[] carol = signedUp(Accounts.tenant("unlimited", false, ""));

      // a model call over the tenant's limit is refused before it is sent
      HttpResponse<String> created = Platform.post(ORGANIZATIONS, "{\"name\":\"Limited\"}", alice);
      String chat = CHAT.formatted(Platform.json(created).get("id").asText());
      HttpResponse<String> first = Platform.post("api/v1/llm/chat", chat, alice);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(first.headers().firstValue("RateLimit-Policy"))
          .hasValue("\"user\";q=4;w=60, \"tenant\";q=6;w=60");
      assertThat(first.headers().firstValue("RateLimit").orElseThrow())
          .matches("\"user\";r=2;t=\\d+, \"tenant\";r=4;t=\\d+");
      HttpResponse<String> overLlm = Platform.post("api/v1/llm/chat", chat, alice);
      assertTooMany(overLlm, "Too many model calls from your tenant: at most 1 a minute.");

      // Alice's fourth request is her last one this minute
      assertThat(Platform.get(ORGANIZATIONS, alice).statusCode()).isEqualTo(200);
      HttpResponse<String> overUser = Platform.get(ORGANIZATIONS, alice);
      assertTooMany(overUser, "Too many requests from you: at most 4 a minute.");
      assertThat(overUser.headers().firstValue("RateLimit-Policy")).hasValue("\"user\";q=4;w=60");
      assertThat(overUser.headers().firstValue("RateLimit").orElseThrow())
          .matches("\"user\";r=0;t=\\d+");

      // Bob has requests of his own, but the tenant's sixth is its last
      assertThat(Platform.get(ORGANIZATIONS, bob).statusCode()).isEqualTo(200);
      HttpResponse<String> tenantsLast = Platform.get(ORGANIZATIONS, bob);
      assertThat(tenantsLast.statusCode()).isEqualTo(200);
      assertThat(tenantsLast.headers().firstValue("RateLimit").orElseThrow())
          .matches("\"user\";r=2;t=\\d+, \"tenant\";r=0;t=\\d+");
      assertTooMany(
          Platform.get(ORGANIZATIONS, bob),
          "Too many requests from your tenant: at most 6 a minute.");

      // another tenant's person is not held by these limits
      HttpResponse<String> other = Platform.get(ORGANIZATIONS, carol);
      assertThat(other.statusCode()).isEqualTo(200);
      assertThat(other.headers().firstValue("RateLimit-Policy").orElseThrow())
          .contains("\"user\";q=600;w=60");

      // tokens come back over the window: a third of it gives Alice one
      await()
          .atMost(Duration.ofSeconds(70))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> Platform.get(ORGANIZATIONS, alice).statusCode() == 200);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void anonymousRequestsCarryTheirAddressLimit() throws Exception {
    HttpResponse<String> keys = Platform.get("api/v1/auth/jwks");

    assertThat(keys.statusCode()).isEqualTo(200);
    assertThat(keys.headers().firstValue("RateLimit-Policy").orElseThrow())
        .matches("\"address\";q=\\d+;w=60");
    assertThat(keys.headers().firstValue("RateLimit").orElseThrow())
        .matches("\"address\";r=\\d+;t=\\d+");
  }

  private static void assertTooMany(HttpResponse<String> response, String detail) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(response.headers().firstValue("RateLimit-Policy")).isPresent();
    JsonNode problem = Platform.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(429);
    assertThat(problem.get("detail").asText()).startsWith(detail);
  }

  private static String[] signedUp(String tenant) throws Exception {
    String email = Accounts.newEmail("limited", "example.com");
    HttpResponse<String> registered = Accounts.register(email, Accounts.PASSWORD, tenant);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    HttpResponse<String> login = Accounts.login(email, Accounts.PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return PluginsApi.bearer(Platform.json(login).get("accessToken").asText());
  }
}
