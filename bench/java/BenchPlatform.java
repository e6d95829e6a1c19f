import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every load script needs of a running platform: a tenant admin and JSON requests. */
final class BenchPlatform {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private BenchPlatform() {}

  /** A tenant declared in tenants-config with one admin, signed up and signed in; its token. */
  static String tenantAdmin(String base, Path tenants) throws Exception {
    String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    String email = "admin@" + slug + ".example.com";
    Files.writeString(tenants.resolve(slug + ".yaml"),
        "slug: " + slug + "\nname: Bench\nselfSignup: true\nemailVerification: false\n"
            + "allowedEmailDomains: []\nadmins: [" + email + "]\n");
    String password = "correct horse battery staple";
    String register = "{\"email\":\"" + email + "\",\"password\":\"" + password
        + "\",\"displayName\":\"Bench\",\"tenant\":\"" + slug + "\"}";
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (send(base, "POST", "api/v1/auth/register", null, register).statusCode() != 201) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("tenant " + slug + " was not applied");
      }
      Thread.sleep(200);
    }
    String login = send(base, "POST", "api/v1/auth/login", null,
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").body();
    return field(login, "accessToken");
  }

  static HttpResponse<String> send(String base, String method, String path, String token,
      String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The first string field of that name in a JSON text. */
  static String field(String json, String name) {
    Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!value.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return value.group(1);
  }

  /** The percentile of sorted nanosecond figures, in milliseconds. */
  static double millis(List<Long> sorted, int percentile) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1_000_000.0;
  }
}
