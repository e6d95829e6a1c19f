package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The platform under test: the WAR the build produced, on the integration-test server. */
final class Platform {

  static final URI BASE =
      URI.create("http://localhost:" + System.getProperty("it.http.port") + "/");
  static final Path DATA_DIR = Path.of(System.getProperty("it.data.dir"));
  static final String EMBEDDED_DB_URL =
      "jdbc:postgresql://127.0.0.1:" + System.getProperty("it.db.port") + "/postgres";

  static final Path LOGS = DATA_DIR.resolveSibling("liberty/wlp/usr/servers/protohive-it/logs");

  static final Api API = new Api(BASE);

  private static final ObjectMapper JSON = new ObjectMapper();

  private Platform() {}

  static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }

  static HttpResponse<String> post(String path, String json, String... headers)
      throws IOException, InterruptedException {
    return API.post(path, json, headers);
  }

  static HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    return API.get(path, headers);
  }

  static HttpResponse<String> send(String method, String path, String json, String... headers)
      throws IOException, InterruptedException {
    return API.send(method, path, json, headers);
  }

  /** See {@link Api#multipart}. */
  static HttpResponse<String> multipart(
      String path, String fileName, byte[] content, Map<String, String> fields, String... headers)
      throws IOException, InterruptedException {
    return API.multipart(path, fileName, content, fields, headers);
  }

  /** Asserts that no log file of the server contains {@code secret}. */
  static void assertNotLogged(String secret) throws IOException {
    try (Stream<Path> files = Files.list(LOGS)) {
      for (Path log : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(log)).as(log.toString()).doesNotContain(secret);
      }
    }
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }
}
