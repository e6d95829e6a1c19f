package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.protohive.kernel.secret.SecretBox;
import io.protohive.kernel.secret.SecretsKey;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-up, sign-in, tokens and their refusal, through the HTTP API of a running platform. */
@ExtendWith(ArquillianExtension.class)
class AuthIT {

  private static final String PASSWORD = Accounts.PASSWORD;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aPersonSignsUpInTheDemoTenantAndSeesWhoTheyAre() throws Exception {
    String email = newEmail();
    HttpResponse<String> created = register(email, PASSWORD);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(Platform.json(created).get("emailVerified").asBoolean()).isTrue();

    Session session = login(email, PASSWORD, null);
    JsonNode me = Platform.json(Platform.get("api/v1/me", session.bearer()));

    assertThat(me.get("email").asText()).isEqualTo(email);
    assertThat(me.get("tenant").get("slug").asText()).isEqualTo("demo");
    assertThat(me.get("roles").toString()).isEqualTo("[\"user\"]");
    assertThat(Platform.get("api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void theRefreshCookieIsHttpOnlySecureStrictAndScopedToAuth() throws Exception {
    String email = signUp();
    HttpResponse<String> response =
        Platform.post("api/v1/auth/login", credentials(email, PASSWORD, null));

    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith("protohive_refresh=")
        .contains("Path=/api/v1/auth", "HttpOnly", "Secure", "SameSite=Strict", "Max-Age=60479");
    JsonNode body = Platform.json(response);
    assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
    assertThat(body.get("expiresIn").asInt()).isEqualTo(900);
  }

  @Test
  void refreshRotatesAndAReplayRevokesTheWholeFamily() throws Exception {
    Session first = login(signUp(), PASSWORD, null);

    HttpResponse<String> rotated = refresh(first.refreshToken());
    assertThat(rotated.statusCode()).isEqualTo(200);
    Session second = Session.of(rotated);
    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(Platform.get("api/v1/me", second.bearer()).statusCode()).isEqualTo(200);

    assertThat(refresh(first.refreshToken()).statusCode()).isEqualTo(401);
    assertThat(refresh(second.refreshToken()).statusCode()).isEqualTo(401);
    assertThat(auditCount("REFRESH_TOKEN_REUSED")).isPositive();
  }

  @Test
  void signingOutEndsTheSessionAndSigningOutEverywhereEndsAll() throws Exception {
    String email = signUp();
    Session one = login(email, PASSWORD, null);
    Session two = login(email, PASSWORD, null);
    Session three = login(email, PASSWORD, null);

    assertThat(Platform.post("api/v1/auth/logout", "", "Cookie", one.cookie()).statusCode())
        .isEqualTo(204);
    assertThat(refresh(one.refreshToken()).statusCode()).isEqualTo(401);
    assertThat(refresh(two.refreshToken()).statusCode()).isEqualTo(200);

    assertThat(Platform.post("api/v1/auth/logout-everywhere", "", three.bearer()).statusCode())
        .isEqualTo(204);
    assertThat(refresh(three.refreshToken()).statusCode()).isEqualTo(401);
  }

  @Test
  void forgedExpiredAndMisaddressedTokensAreRefused() throws Exception {
    Session session = login(signUp(), PASSWORD, null);
    String subject = Platform.json(Platform.get("api/v1/me", session.bearer())).get("id").asText();
    KeyAndId platformKey = platformSigningKey();

    String valid = sign(platformKey, claims(subject, "protohive", "protohive-api", 5));
    assertThat(status(valid)).isEqualTo(200);

    assertThat(status(sign(platformKey, claims(subject, "protohive", "protohive-api", -5))))
        .as("expired")
        .isEqualTo(401);
    assertThat(status(sign(platformKey, claims(subject, "someone-else", "protohive-api", 5))))
        .as("wrong issuer")
        .isEqualTo(401);
    assertThat(status(sign(platformKey, claims(subject, "protohive", "another-api", 5))))
        .as("wrong audience")
        .isEqualTo(401);
    KeyAndId stranger =
        new KeyAndId(
            KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate(), platformKey.kid());
    assertThat(status(sign(stranger, claims(subject, "protohive", "protohive-api", 5))))
        .as("signed by another key")
        .isEqualTo(401);
    assertThat(status(new PlainJWT(claims(subject, "protohive", "protohive-api", 5)).serialize()))
        .as("alg none")
        .isEqualTo(401);
    String[] parts = valid.split("\\.");
    String tampered =
        parts[0]
            + "."
            + Base64URL.encode(
                claims(UUID.randomUUID().toString(), "protohive", "protohive-api", 5).toString())
            + "."
            + parts[2];
    assertThat(status(tampered)).as("tampered claims").isEqualTo(401);
    assertThat(Platform.get("api/v1/me", "Authorization", "Basic " + valid).statusCode())
        .as("another scheme")
        .isEqualTo(401);

    String claimingAdmin =
        sign(
            platformKey,
            new JWTClaimsSet.Builder(claims(subject, "protohive", "protohive-api", 5))
                .claim("groups", List.of("user", "platform-admin", "tenant-admin"))
                .build());
    assertThat(
            Platform.get("api/v1/platform/tenants", "Authorization", "Bearer " + claimingAdmin)
                .statusCode())
        .as("the roles a token claims decide nothing")
        .isEqualTo(403);
    assertThat(
            Platform.json(Platform.get("api/v1/me", "Authorization", "Bearer " + claimingAdmin))
                .get("roles")
                .toString())
        .isEqualTo("[\"user\"]");
  }

  @Test
  void repeatedWrongPasswordsLockTheAccountForAWhile() throws Exception {
    String email = signUp();
    for (int attempt = 1; attempt < 5; attempt++) {
      assertThat(loginStatus(email, "wrong password " + attempt)).isEqualTo(401);
    }
    HttpResponse<String> locking =
        Platform.post("api/v1/auth/login", credentials(email, "wrong password 5", null));
    assertThat(locking.statusCode()).isEqualTo(401);

    HttpResponse<String> refused =
        Platform.post("api/v1/auth/login", credentials(email, PASSWORD, null));
    assertThat(refused.statusCode()).as("right password during the lock").isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(auditCount("SIGN_IN_LOCKED")).isPositive();

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> loginStatus(email, PASSWORD) == 200);
  }

  @Test
  void badInputIsRefusedWithTheFieldNamedAndNothingWritten() throws Exception {
    String email = newEmail();
    assertProblem(Platform.post("api/v1/auth/register", "{\"email\": "), 400, null);
    assertProblem(
        Platform.post(
            "api/v1/auth/register",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\"A\","
                + "\"tenant\":\"demo\",\"admin\":true}"),
        400,
        null);
    assertProblem(register("not-an-email", PASSWORD), 400, "email");
    assertProblem(register("x".repeat(250) + "@example.com", PASSWORD), 400, "email");
    assertProblem(register(email, "short"), 400, "password");
    assertProblem(register(email, "aaaaaaaaaaaaaaaaaaaa"), 400, "password");
    assertProblem(
        Platform.post(
            "api/v1/auth/register",
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\"A\","
                + "\"tenant\":\"no-such-tenant\"}"),
        400,
        "tenant");

    assertThat(accounts(email)).isZero();
    assertThat(register(email, PASSWORD).statusCode()).isEqualTo(201);
    assertThat(register(email, PASSWORD).statusCode()).isEqualTo(409);
    assertThat(accounts(email)).isEqualTo(1);
  }

  @Test
  void aTenantThatRequiresVerificationLetsInOnlyVerifiedAddresses() throws Exception {
    String tenant = Accounts.tenant("verified", true, "");
    String email = newEmail();
    HttpResponse<String> created = Accounts.register(email, PASSWORD, tenant);
    assertThat(Platform.json(created).get("emailVerified").asBoolean()).isFalse();
    assertThat(loginStatus(email, PASSWORD)).isEqualTo(403);

    String token = Accounts.mailedToken(email, "/verify-email?token=");
    assertThat(
            Platform.post("api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").statusCode())
        .isEqualTo(204);
    assertThat(loginStatus(email, PASSWORD)).isEqualTo(200);
    assertThat(
            Platform.post("api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").statusCode())
        .as("a link works once")
        .isEqualTo(400);
  }

  @Test
  void aForgottenPasswordIsResetThroughTheMailedLinkAndEndsEverySession() throws Exception {
    String email = signUp();
    Session before = login(email, PASSWORD, null);
    String unknown = newEmail();
    assertThat(
            Platform.post("api/v1/auth/forgot-password", "{\"email\":\"" + unknown + "\"}")
                .statusCode())
        .isEqualTo(202);
    assertThat(
            PlatformIT.query(
                "select count(*) from mail_message where recipient = '" + unknown + "'"))
        .isEqualTo("0");

    assertThat(
            Platform.post("api/v1/auth/forgot-password", "{\"email\":\"" + email + "\"}")
                .statusCode())
        .isEqualTo(202);
    String token = Accounts.mailedToken(email, "/reset-password?token=");
    String newPassword = "a brand new passphrase";
    assertProblem(
        Platform.post(
            "api/v1/auth/reset-password", "{\"token\":\"" + token + "\",\"password\":\"short\"}"),
        400,
        "password");
    assertThat(
            Platform.post(
                    "api/v1/auth/reset-password",
                    "{\"token\":\"" + token + "\",\"password\":\"" + newPassword + "\"}")
                .statusCode())
        .isEqualTo(204);

    assertThat(loginStatus(email, PASSWORD)).isEqualTo(401);
    assertThat(loginStatus(email, newPassword)).isEqualTo(200);
    assertThat(refresh(before.refreshToken()).statusCode()).isEqualTo(401);
    assertThat(
            Platform.post(
                    "api/v1/auth/reset-password",
                    "{\"token\":\"" + token + "\",\"password\":\"yet another passphrase\"}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void aPersonChangesTheirPasswordAndManagesTheirSessions() throws Exception {
    String email = signUp();
    Session first = login(email, PASSWORD, null);
    Session second = login(email, PASSWORD, null);

    JsonNode sessions = Platform.json(Platform.get("api/v1/me/sessions", first.bearer()));
    assertThat(sessions.get("items")).hasSize(2);
    String oldest = sessions.get("items").get(1).get("id").asText();
    assertThat(
            Platform.send("DELETE", "api/v1/me/sessions/" + oldest, null, first.bearer())
                .statusCode())
        .isEqualTo(204);
    assertThat(refresh(first.refreshToken()).statusCode()).isEqualTo(401);
    assertThat(
            Platform.send("DELETE", "api/v1/me/sessions/" + oldest, null, first.bearer())
                .statusCode())
        .isEqualTo(404);

    String newPassword = "an entirely new passphrase";
    assertProblem(
        Platform.post(
            "api/v1/me/password",
            "{\"currentPassword\":\"wrong\",\"newPassword\":\"" + newPassword + "\"}",
            second.bearer()),
        400,
        "currentPassword");
    assertProblem(
        Platform.post(
            "api/v1/me/password",
            "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"weak\"}",
            second.bearer()),
        400,
        "password");
    assertThat(
            Platform.post(
                    "api/v1/me/password",
                    "{\"currentPassword\":\""
                        + PASSWORD
                        + "\",\"newPassword\":\""
                        + newPassword
                        + "\"}",
                    second.bearer())
                .statusCode())
        .isEqualTo(204);
    assertThat(refresh(second.refreshToken()).statusCode()).isEqualTo(401);
    assertThat(loginStatus(email, newPassword)).isEqualTo(200);
    assertThat(auditCount("PASSWORD_CHANGED")).isPositive();
  }

  @Test
  void aRotatedKeySignsNewTokensWhileTokensOfThePreviousKeyStayValid() throws Exception {
    String email = signUp();
    Session user = login(email, PASSWORD, null);
    Session admin = login(Accounts.PLATFORM_ADMIN, Accounts.platformAdminPassword(), null);
    assertThat(Platform.post("api/v1/platform/signing-keys/rotate", "", user.bearer()).statusCode())
        .isEqualTo(403);

    HttpResponse<String> rotated =
        Platform.post("api/v1/platform/signing-keys/rotate", "", admin.bearer());
    assertThat(rotated.statusCode()).isEqualTo(200);
    String kid = Platform.json(rotated).get("kid").asText();

    assertThat(Platform.json(Platform.get("api/v1/auth/jwks")).get("keys").findValuesAsText("kid"))
        .contains(kid)
        .hasSizeGreaterThan(1);
    assertThat(Platform.get("api/v1/me", user.bearer()).statusCode())
        .as("a token of the previous key")
        .isEqualTo(200);
    Session renewed = login(email, PASSWORD, null);
    assertThat(SignedJWT.parse(renewed.accessToken()).getHeader().getKeyID()).isEqualTo(kid);
    assertThat(Platform.get("api/v1/me", renewed.bearer()).statusCode())
        .as("a token of the new key")
        .isEqualTo(200);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = Platform.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("Exception", "at io.");
    if (field != null) {
      assertThat(problem.get("errors").has(field)).as("errors names " + field).isTrue();
    }
  }

  private record Session(String accessToken, String refreshToken) {

    static Session of(HttpResponse<String> response) throws Exception {
      String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
      String token = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
      return new Session(Platform.json(response).get("accessToken").asText(), token);
    }

    String[] bearer() {
      return new String[] {"Authorization", "Bearer " + accessToken};
    }

    String cookie() {
      return "protohive_refresh=" + refreshToken;
    }
  }

  private record KeyAndId(PrivateKey key, String kid) {}

  private static String signUp() throws Exception {
    String email = newEmail();
    assertThat(register(email, PASSWORD).statusCode()).isEqualTo(201);
    return email;
  }

  private static String newEmail() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  private static HttpResponse<String> register(String email, String password) throws Exception {
    return Accounts.register(email, password, "demo");
  }

  private static String credentials(String email, String password, String tenant) {
    return "{\"email\":\""
        + email
        + "\",\"password\":\""
        + password
        + "\""
        + (tenant == null ? "" : ",\"tenant\":\"" + tenant + "\"")
        + "}";
  }

  private static Session login(String email, String password, String tenant) throws Exception {
    HttpResponse<String> response =
        Platform.post("api/v1/auth/login", credentials(email, password, tenant));
    assertThat(response.statusCode()).isEqualTo(200);
    return Session.of(response);
  }

  private static int loginStatus(String email, String password) throws Exception {
    return Platform.post("api/v1/auth/login", credentials(email, password, null)).statusCode();
  }

  private static HttpResponse<String> refresh(String refreshToken) throws Exception {
    return Platform.post("api/v1/auth/refresh", "", "Cookie", "protohive_refresh=" + refreshToken);
  }

  private static int status(String accessToken) throws Exception {
    return Platform.get("api/v1/me", "Authorization", "Bearer " + accessToken).statusCode();
  }

  private static JWTClaimsSet claims(
      String subject, String issuer, String audience, int minutesToLive) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject(subject)
        .claim("upn", "forged@example.com")
        .claim("groups", List.of("user"))
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(minutesToLive))))
        .build();
  }

  private static String sign(KeyAndId key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.kid())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key.key()));
    return jwt.serialize();
  }

  /** The active key, as someone holding the database and the secrets key would have it. */
  private static KeyAndId platformSigningKey() throws Exception {
    try (Connection connection =
            DriverManager.getConnection(Platform.EMBEDDED_DB_URL, "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "select kid, sealed_private_key from signing_key where retired_at is null"
                    + " order by created_at desc limit 1")) {
      result.next();
      String kid = result.getString("kid");
      SecretBox secrets = SecretsKey.load(Optional.empty(), Platform.DATA_DIR);
      byte[] privateKey =
          Base64.getDecoder()
              .decode(
                  secrets.decrypt(result.getString("sealed_private_key"), "signing-key/" + kid));
      PrivateKey key =
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privateKey));
      return new KeyAndId(key, kid);
    }
  }

  private static long auditCount(String action) throws Exception {
    return Long.parseLong(
        PlatformIT.query("select count(*) from audit_event where action = '" + action + "'"));
  }

  private static long accounts(String email) throws Exception {
    return Long.parseLong(
        PlatformIT.query("select count(*) from user_account where email = '" + email + "'"));
  }
}
