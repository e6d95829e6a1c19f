package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Plugin operations over the API, as an admin's script would call them. */
final class PluginsApi {

  static final Path BUNDLES = Path.of(System.getProperty("it.bundles"));
  static final Path TEST_BUNDLES = Path.of(System.getProperty("it.test.bundles"));
  static final Path CLOCK = BUNDLES.resolve("tool-clock.jar");
  static final Path MISBEHAVING = TEST_BUNDLES.resolve("test-misbehaving.jar");
  static final String MISBEHAVING_ID = "io.protohive.plugins.test-misbehaving";
  static final String CLOCK_ID = "io.protohive.plugins.tool-clock";

  /** How many plugins ship inside the platform: the jars the build staged for the WAR. */
  static int bundledCount() throws IOException {
    try (var jars = Files.list(BUNDLES)) {
      return (int) jars.filter(jar -> jar.toString().endsWith(".jar")).count();
    }
  }

  /** An organization of each caller's for its tool calls, by authorization header. */
  private static final Map<String, String> ORGANIZATIONS = new ConcurrentHashMap<>();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PluginsApi() {}

  /** The bearer header of the platform admin created at first start. */
  static String[] platformAdmin() throws Exception {
    return bearer(login(Accounts.PLATFORM_ADMIN, Accounts.platformAdminPassword()));
  }

  /** A new tenant with one admin; the bearer header of that admin. */
  static String[] newTenantAdmin(String prefix) throws Exception {
    return newTenantAdminAccount(prefix).bearer();
  }

  /**
   * An admin of a new tenant: the email to sign in with in a browser, the API header, and the
   * tenant's slug for others to sign up in.
   */
  record TenantAdmin(String email, String[] bearer, String tenant) {}

  static TenantAdmin newTenantAdminAccount(String prefix) throws Exception {
    String email = prefix + "-" + UUID.randomUUID() + "@example.com";
    String tenant = Accounts.tenant(prefix, false, email);
    assertThat(Accounts.register(email, Accounts.PASSWORD, tenant).statusCode()).isEqualTo(201);
    return new TenantAdmin(email, bearer(login(email, Accounts.PASSWORD)), tenant);
  }

  static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  private static String login(String email, String password) throws Exception {
    return Accounts.accessToken(Platform.API, email, password);
  }

  /** Uploads a jar as the multipart part {@code file}. */
  static HttpResponse<String> upload(Path jar, String... headers)
      throws IOException, InterruptedException {
    return send("api/v1/plugins", jar, headers);
  }

  /** Has the server inspect a jar, sent as the multipart part {@code file}. */
  static HttpResponse<String> inspect(Path jar, String... headers)
      throws IOException, InterruptedException {
    return send("api/v1/plugins/inspections", jar, headers);
  }

  private static HttpResponse<String> send(String path, Path jar, String... headers)
      throws IOException, InterruptedException {
    return Platform.multipart(
        path, jar.getFileName().toString(), Files.readAllBytes(jar), Map.of(), headers);
  }

  static HttpResponse<String> remove(String pluginId, String... admin) throws Exception {
    return Platform.send("DELETE", "api/v1/plugins/" + pluginId, null, admin);
  }

  /** Switches a plugin on for the tenant of {@code tenantAdmin}, with the given settings. */
  static HttpResponse<String> configure(String pluginId, String json, String... tenantAdmin)
      throws Exception {
    return Platform.send("PUT", "api/v1/tenant/plugins/" + pluginId, json, tenantAdmin);
  }

  /** Calls a tool for an organization of the caller's, created for the purpose on first use. */
  static HttpResponse<String> invoke(String toolId, String arguments, String... user)
      throws Exception {
    return invokeFor(organizationOf(user), toolId, arguments, user);
  }

  /** Calls a tool for the given organization, or for none when it is {@code null}. */
  static HttpResponse<String> invokeFor(
      String organizationId, String toolId, String arguments, String... user) throws Exception {
    return Platform.post(
        "api/v1/tools/" + toolId + "/invocations",
        "{\"arguments\":"
            + arguments
            + (organizationId == null ? "" : ",\"organizationId\":\"" + organizationId + "\"")
            + "}",
        user);
  }

  private static String organizationOf(String... user) throws Exception {
    String existing = ORGANIZATIONS.get(user[1]);
    if (existing != null) {
      return existing;
    }
    HttpResponse<String> created =
        Platform.post("api/v1/organizations", "{\"name\":\"Tool calls\"}", user);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = Platform.json(created).get("id").asText();
    ORGANIZATIONS.put(user[1], id);
    return id;
  }

  /** The ids of the installed plugins, as the caller sees them. */
  static JsonNode plugins(String... user) throws Exception {
    return Platform.json(Platform.get("api/v1/plugins", user)).get("items");
  }

  static boolean installed(String pluginId, String... user) throws Exception {
    for (JsonNode plugin : plugins(user)) {
      if (plugin.get("id").asText().equals(pluginId)) {
        return true;
      }
    }
    return false;
  }

  static boolean toolAvailable(String toolId, String... user) throws Exception {
    for (JsonNode tool : Platform.json(Platform.get("api/v1/tools", user)).get("items")) {
      if (tool.get("id").asText().equals(toolId)) {
        return true;
      }
    }
    return false;
  }
}
