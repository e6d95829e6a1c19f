package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a node's {@code /metrics} says, read as Prometheus reads it. */
final class Metrics {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A sample: its name, its labels and its value. */
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$", Pattern.MULTILINE);

  private Metrics() {}

  /** The Prometheus text the address answers; it must answer with it. */
  static String scrape(URI address) throws Exception {
    HttpResponse<String> response = get(address);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    return response.body();
  }

  static HttpResponse<String> get(URI address) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(address)
            .header("Accept", "text/plain")
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The sum of the samples of a metric whose labels include every {@code name="value"} given, or
   * NaN when it has none.
   */
  static double value(String text, String metric, String... labels) {
    Matcher sample = SAMPLE.matcher(text);
    double sum = 0;
    boolean found = false;
    while (sample.find()) {
      if (!sample.group(1).equals(metric)) {
        continue;
      }
      String present = sample.group(2) == null ? "" : sample.group(2);
      boolean matches = true;
      for (String label : labels) {
        matches &= present.contains(label);
      }
      if (matches) {
        sum += Double.parseDouble(sample.group(3));
        found = true;
      }
    }
    return found ? sum : Double.NaN;
  }
}
