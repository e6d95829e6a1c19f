package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.UUID;

/** Tenants and people the integration tests make for themselves, through the real API. */
final class Accounts {

  static final String PASSWORD = "correct horse battery staple";
  static final String PLATFORM_ADMIN = "admin@protohive.local";

  /** The generated password of the platform admin created at first start. */
  static String platformAdminPassword() throws IOException {
    return Files.readString(Platform.DATA_DIR.resolve("initial-admin-password")).strip();
  }

  private Accounts() {}

  static String newEmail(String name, String domain) {
    return name + "-" + UUID.randomUUID() + "@" + domain;
  }

  /**
   * A tenant that allows self sign-up, written straight to the database as tenants-config would.
   *
   * @return its slug
   */
  static String tenant(String prefix, boolean emailVerification, String adminEmails)
      throws Exception {
    String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    PlatformIT.execute(
        "insert into tenant (id, slug, name, self_signup, email_verification, admin_emails,"
            + " created_at, updated_at) values (gen_random_uuid(), '"
            + slug
            + "', '"
            + prefix
            + "', true, "
            + emailVerification
            + ", '"
            + adminEmails
            + "', now(), now())");
    return slug;
  }

  static HttpResponse<String> register(String email, String password, String tenant)
      throws Exception {
    return register(Platform.API, email, password, tenant);
  }

  static HttpResponse<String> register(Api api, String email, String password, String tenant)
      throws Exception {
    return api.post(
        "api/v1/auth/register",
        "{\"email\":\""
            + email
            + "\",\"password\":\""
            + password
            + "\",\"displayName\":\"Test User\",\"tenant\":\""
            + tenant
            + "\"}");
  }

  /** The token of the link marked by {@code marker} in the newest mail to this address. */
  static String mailedToken(String email, String marker) throws Exception {
    String body =
        PlatformIT.query(
            "select body from mail_message where recipient = '"
                + email
                + "' order by created_at desc limit 1");
    String line = body.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
    return line.substring(line.indexOf(marker) + marker.length()).strip();
  }

  static HttpResponse<String> login(String email, String password) throws Exception {
    return login(Platform.API, email, password);
  }

  static HttpResponse<String> login(Api api, String email, String password) throws Exception {
    return api.post(
        "api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  /** Signs in, which must succeed; the access token. */
  static String accessToken(Api api, String email, String password) throws Exception {
    HttpResponse<String> response = login(api, email, password);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Platform.json(response).get("accessToken").asText();
  }
}
