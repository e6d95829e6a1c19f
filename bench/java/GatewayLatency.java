import io.protohive.llm.fakes.OpenAiFakeServer;
import io.protohive.llm.fakes.OpenAiReply;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the gateway adds to a streamed model call: time to first token and total time of the same
 * streamed answer from a loopback OpenAI-compatible server, called directly (the baseline) and
 * through POST /api/v1/llm/chat (route, budgets, metering, SSE), at 1 and 50 concurrent streams;
 * beside them, an authenticated read of the same server (GET /api/v1/organizations, its answer
 * whole), the least any call through the platform costs.
 * Run by bench/gateway-latency.sh against the load scripts' server (bench/lib/bench-server.sh).
 */
public final class GatewayLatency {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  record Timing(long firstNanos, long totalNanos) {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path tenants = Path.of(args[1]);
    int calls = Integer.parseInt(args[2]);
    try (OpenAiFakeServer openAi = new OpenAiFakeServer()) {
      openAi.replyByDefault(
          OpenAiReply.pieces(List.of("Hello", ", ", "this ", "is ", "a ", "streamed ", "answer.")));
      String token = BenchPlatform.tenantAdmin(base, tenants);
      BenchPlatform.send(base, "PUT", "api/v1/tenant/plugins/io.protohive.plugins.llm-openai", token,
          "{\"enabled\":true,\"config\":{\"baseUrl\":\"" + openAi.apiBaseUrl()
              + "\",\"models\":\"gpt-fake\"}}");
      BenchPlatform.send(base, "PUT", "api/v1/tenant/llm-route", token,
          "{\"steps\":[{\"providerId\":\"openai\",\"model\":\"gpt-fake\"}]}");
      // every call is made for an organization, so that its budgets are checked as in production
      String organization = BenchPlatform.field(BenchPlatform.send(base, "POST",
          "api/v1/organizations", token, "{\"name\":\"Bench\"}").body(), "id");
      String prompt = "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],"
          + "\"maxTokens\":64,\"organizationId\":\"" + organization + "\"}";
      HttpRequest direct =
          HttpRequest.newBuilder(URI.create(openAi.apiBaseUrl() + "/chat/completions"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "{\"model\":\"gpt-fake\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                      + "\"content\":\"Say hello\"}]}"))
              .build();
      HttpRequest gateway =
          HttpRequest.newBuilder(URI.create(base + "api/v1/llm/chat"))
              .header("Content-Type", "application/json")
              .header("Accept", "text/event-stream")
              .header("Authorization", "Bearer " + token)
              .POST(HttpRequest.BodyPublishers.ofString(prompt))
              .build();
      // what any authenticated call costs on this server, the gateway's work aside
      HttpRequest read =
          HttpRequest.newBuilder(URI.create(base + "api/v1/organizations"))
              .header("Authorization", "Bearer " + token)
              .build();
      for (int concurrency : new int[] {1, 50}) {
        measure(direct, "data:", 200, concurrency);
        measure(gateway, "event: delta", 200, concurrency);
        measure(read, null, 200, concurrency);
        List<Timing> plain = measure(direct, "data:", calls, concurrency);
        List<Timing> through = measure(gateway, "event: delta", calls, concurrency);
        List<Timing> reads = measure(read, null, calls, concurrency);
        report(concurrency, "direct (baseline)", plain);
        report(concurrency, "through the gateway", through);
        report(concurrency, "authenticated read", reads);
      }
    }
  }

  private static List<Timing> measure(HttpRequest request, String firstLine, int calls, int concurrency)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<Timing>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(pool.submit(() -> timed(request, firstLine)));
      }
      List<Timing> timings = new ArrayList<>();
      for (Future<Timing> future : futures) {
        timings.add(future.get());
      }
      return timings;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Timing timed(HttpRequest request, String firstLine) throws Exception {
    long start = System.nanoTime();
    HttpResponse<java.io.InputStream> response =
        HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("status " + response.statusCode());
    }
    if (firstLine == null) {
      response.body().readAllBytes();
      long whole = System.nanoTime() - start;
      return new Timing(whole, whole);
    }
    long first = 0;
    String last = "";
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (first == 0 && line.startsWith(firstLine)) {
          first = System.nanoTime() - start;
        }
        if (!line.isBlank()) {
          last = line;
        }
      }
    }
    // a stream that ended in an error event would be timed as an answer
    if (first == 0) {
      throw new IllegalStateException("no token in the answer; its last line: " + last);
    }
    return new Timing(first, System.nanoTime() - start);
  }

  private static void report(int concurrency, String label, List<Timing> timings) {
    List<Long> first = new ArrayList<>(timings.stream().map(Timing::firstNanos).toList());
    List<Long> total = new ArrayList<>(timings.stream().map(Timing::totalNanos).toList());
    Collections.sort(first);
    Collections.sort(total);
    System.out.printf(
        "%2d streams, %-20s first token p50 %7.2f ms p99 %7.2f ms | total p50 %7.2f ms p99 %7.2f ms%n",
        concurrency, label, BenchPlatform.millis(first, 50), BenchPlatform.millis(first, 99),
        BenchPlatform.millis(total, 50), BenchPlatform.millis(total, 99));
  }

}
