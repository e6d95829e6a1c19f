import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbound webhook deliveries per second, end to end: an organization's webhook subscribed to
 * task.created on a receiver of this program's own on loopback (it checks nothing, answers 204 and
 * counts), the events produced by creating tasks through the API from several callers at once,
 * timed from the first POST to the last delivery received. Baseline in the same run: the same
 * signed requests sent straight to the receiver by as many senders as the platform has job workers.
 * Run by bench/webhook-deliveries.sh against the load scripts' server (bench/lib/bench-server.sh).
 */
public final class WebhookDeliveries {

  /** What the receiver counts: distinct message ids, requests, and when the last one came. */
  private static final class Count {
    final Map<String, Long> arrived = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicLong last = new AtomicLong();
    volatile CountDownLatch done = new CountDownLatch(0);
    volatile int expected;

    void expect(int deliveries) {
      arrived.clear();
      requests.set(0);
      last.set(0);
      expected = deliveries;
      done = new CountDownLatch(1);
    }
  }

  private static final Count COUNT = new Count();
  private static volatile String sampleBody;
  private static volatile Map<String, String> sampleHeaders;

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path tenants = Path.of(args[1]);
    int events = Integer.parseInt(args[2]);
    int producers = Integer.parseInt(args[3]);
    int workers = Integer.parseInt(args[4]);

    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newFixedThreadPool(8));
    receiver.createContext("/hook", WebhookDeliveries::receive);
    receiver.start();
    String target = "http://localhost:" + receiver.getAddress().getPort() + "/hook";

    String token = BenchPlatform.tenantAdmin(base, tenants);
    String organization = BenchPlatform.field(BenchPlatform.send(base, "POST",
        "api/v1/organizations", token, "{\"name\":\"Hooks\"}").body(), "id");
    HttpResponse<String> webhook = BenchPlatform.send(base, "POST",
        "api/v1/organizations/" + organization + "/webhooks", token,
        "{\"url\":\"" + target + "\",\"eventTypes\":[\"task.created\"]}");
    if (webhook.statusCode() != 201) {
      throw new IllegalStateException("webhook not created: " + webhook.body());
    }

    // warm-up of both paths, then the measured runs
    platform(base, token, organization, Math.min(200, events), producers);
    direct(target, Math.min(200, events), workers);
    double[] platform = platform(base, token, organization, events, producers);
    double direct = direct(target, events, workers);

    System.out.printf("%d events from %d API callers, %d job workers%n", events, producers,
        workers);
    System.out.printf("  events produced (tasks created through the API): %.0f per second%n",
        platform[1]);
    System.out.printf("  platform, first POST to last delivery received: %.0f deliveries per second"
        + " (%.2f s; POST to delivery p50 %.1f ms, p99 %.1f ms; %d requests for %d deliveries)%n",
        platform[0], events / platform[0], platform[2], platform[3], (int) platform[4], events);
    System.out.printf("  of which the backlog left once all tasks were created: %d deliveries at %.0f"
        + " per second%n", (int) platform[6], platform[5]);
    System.out.printf("  baseline, the same signed POSTs sent straight to the receiver by %d senders:"
        + " %.0f per second%n", workers, direct);
    System.out.printf("  ratio platform / baseline: %.3f%n", platform[0] / direct);
    receiver.stop(0);
    System.exit(0);
  }

  private static void receive(HttpExchange exchange) throws java.io.IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    long now = System.nanoTime();
    String id = exchange.getRequestHeaders().getFirst("webhook-id");
    if (sampleBody == null && id != null && id.startsWith("msg_")) {
      sampleHeaders = Map.of(
          "webhook-id", id,
          "webhook-timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
          "webhook-signature", exchange.getRequestHeaders().getFirst("webhook-signature"));
      sampleBody = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
    COUNT.requests.incrementAndGet();
    // the task's id is the first "id" of the body: {"type", "timestamp", "data": {"id", ...}}
    String key = id != null && id.startsWith("direct-") ? id
        : BenchPlatform.field(new String(body, java.nio.charset.StandardCharsets.UTF_8), "id");
    if (COUNT.arrived.putIfAbsent(key, now) == null) {
      COUNT.last.accumulateAndGet(now, Math::max);
      if (COUNT.arrived.size() >= COUNT.expected) {
        COUNT.done.countDown();
      }
    }
  }

  /**
   * Creates the tasks from several callers at once and waits for all their deliveries: deliveries
   * per second, events produced per second, POST-to-delivery p50 and p99, requests received, and
   * the deliveries per second and count of the backlog left once the last task was created.
   */
  private static double[] platform(String base, String token, String organization, int events,
      int producers) throws Exception {
    COUNT.expect(events);
    Map<String, Long> posted = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService callers = Executors.newFixedThreadPool(producers);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      running.add(callers.submit(() -> {
        for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
          long sent = System.nanoTime();
          HttpResponse<String> task = BenchPlatform.send(base, "POST",
              "api/v1/organizations/" + organization + "/tasks", token,
              "{\"title\":\"Ticket " + i + "\"}");
          if (task.statusCode() != 201) {
            throw new IllegalStateException("task not created: " + task.body());
          }
          posted.put(BenchPlatform.field(task.body(), "id"), sent);
        }
        return null;
      }));
    }
    for (Future<?> producer : running) {
      producer.get();
    }
    long produced = System.nanoTime();
    int deliveredWhileProducing = COUNT.arrived.size();
    callers.shutdown();
    if (!COUNT.done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException(COUNT.arrived.size() + " of " + events + " delivered");
    }
    List<Long> latencies = new ArrayList<>();
    posted.forEach((task, sent) -> latencies.add(COUNT.arrived.get(task) - sent));
    Collections.sort(latencies);
    double seconds = (COUNT.last.get() - start) / 1e9;
    return new double[] {events / seconds, events / ((produced - start) / 1e9),
        BenchPlatform.millis(latencies, 50), BenchPlatform.millis(latencies, 99),
        COUNT.requests.get(),
        (events - deliveredWhileProducing) / ((COUNT.last.get() - produced) / 1e9),
        events - deliveredWhileProducing};
  }

  /** The same signed request, sent straight to the receiver by as many senders as workers. */
  private static double direct(String target, int requests, int senders) throws Exception {
    COUNT.expect(requests);
    HttpClient client = HttpClient.newHttpClient();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      running.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
          HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
              .header("Content-Type", "application/json")
              .header("webhook-timestamp", sampleHeaders.get("webhook-timestamp"))
              .header("webhook-signature", sampleHeaders.get("webhook-signature"))
              .header("webhook-id", "direct-" + i)
              .POST(HttpRequest.BodyPublishers.ofString(sampleBody));
          client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        }
        return null;
      }));
    }
    for (Future<?> sender : running) {
      sender.get();
    }
    pool.shutdown();
    COUNT.done.await(1, TimeUnit.MINUTES);
    return requests / ((COUNT.last.get() - start) / 1e9);
  }
}
