import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many streaming chats the server holds at once: N people, each in a conversation of their
 * own with an agent answering through the scripted model (one word every D ms), all asking at the
 * same moment and following the answer on /api/v1/socket. The figure is the gap between two
 * words as the client sees it, against the model's own D: what the platform adds (event store,
 * cluster topic, socket) is the gap minus D. Run by bench/chat-streams.sh against the
 * load scripts' server (bench/lib/bench-server.sh).
 */
public final class ChatStreams {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** About 40 words come back: the scripted model echoes what it was told. */
  private static final String QUESTION =
      "Our customer asks whether the refund for the broken kettle they returned last week has"
          + " been processed yet and when the money will be back on their card please explain";

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path tenants = Path.of(args[1]);
    int delayMillis = Integer.parseInt(args[3]);
    String token = BenchPlatform.tenantAdmin(base, tenants);
    BenchPlatform.send(base, "PUT", "api/v1/tenant/plugins/io.protohive.plugins.llm-scripted",
        token, "{\"enabled\":true,\"config\":{\"tokenDelayMillis\":\"" + delayMillis + "\"}}");
    BenchPlatform.send(base, "PUT", "api/v1/tenant/llm-route", token,
        "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}");
    String organization = BenchPlatform.field(BenchPlatform.send(base, "POST",
        "api/v1/organizations", token,
        "{\"name\":\"Desk\",\"template\":\"customer-support\"}").body(), "id");
    String agent = BenchPlatform.field(BenchPlatform.send(base, "GET",
        "api/v1/organizations/" + organization + "/agents", token, "").body(), "id");
    run(base, token, organization, agent, 10, delayMillis, false);
    for (String streams : args[2].split(",")) {
      run(base, token, organization, agent, Integer.parseInt(streams), delayMillis, true);
    }
  }

  private static void run(String base, String token, String organization, String agent,
      int streams, int delayMillis, boolean report) throws Exception {
    List<String> conversations = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      conversations.add(BenchPlatform.field(BenchPlatform.send(base, "POST",
          "api/v1/conversations", token, "{\"organizationId\":\"" + organization
              + "\",\"agentIds\":[\"" + agent + "\"]}").body(), "id"));
    }
    ConcurrentLinkedQueue<Long> gaps = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> firstWords = new ConcurrentLinkedQueue<>();
    CountDownLatch completed = new CountDownLatch(streams);
    AtomicInteger failed = new AtomicInteger();
    List<WebSocket> sockets = new ArrayList<>();
    List<Listener> listeners = new ArrayList<>();
    String socketUri = base.replace("http", "ws") + "api/v1/socket?access_token=" + token;
    for (String conversation : conversations) {
      Listener listener = new Listener(gaps, firstWords, completed, failed);
      listeners.add(listener);
      WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(socketUri), listener)
          .get(30, TimeUnit.SECONDS);
      socket.sendText("{\"type\":\"subscribe\",\"conversationId\":\"" + conversation + "\"}", true)
          .get(30, TimeUnit.SECONDS);
      sockets.add(socket);
    }
    ExecutorService posting = Executors.newFixedThreadPool(32);
    long started = System.nanoTime();
    for (int i = 0; i < conversations.size(); i++) {
      String conversation = conversations.get(i);
      Listener listener = listeners.get(i);
      posting.submit(() -> {
        listener.asked = System.nanoTime();
        return BenchPlatform.send(base, "POST",
            "api/v1/conversations/" + conversation + "/messages", token,
            "{\"content\":\"" + QUESTION + "\"}");
      });
    }
    boolean all = completed.await(300, TimeUnit.SECONDS);
    long took = System.nanoTime() - started;
    posting.shutdown();
    sockets.forEach(s -> s.abort());
    if (!report) {
      return;
    }
    List<Long> sorted = new ArrayList<>(gaps);
    Collections.sort(sorted);
    List<Long> firsts = new ArrayList<>(firstWords);
    Collections.sort(firsts);
    System.out.printf(
        "%5d streams: %d answered, %d failed%s, %.1f s; gap between words p50 %.1f ms,"
            + " p95 %.1f ms, p99 %.1f ms (the model's own: %d ms); added p95 %.1f ms%n",
        streams, streams - completed.getCount() - failed.get(), failed.get(),
        all ? "" : ", " + completed.getCount() + " unfinished after 300 s", took / 1e9,
        BenchPlatform.millis(sorted, 50), BenchPlatform.millis(sorted, 95),
        BenchPlatform.millis(sorted, 99), delayMillis,
        BenchPlatform.millis(sorted, 95) - delayMillis);
    System.out.printf(
        "%5d streams: first word after its message p50 %.0f ms, p95 %.0f ms, max %.0f ms"
            + " (%d first words)%n",
        streams, BenchPlatform.millis(firsts, 50), BenchPlatform.millis(firsts, 95),
        firsts.isEmpty() ? 0 : firsts.get(firsts.size() - 1) / 1e6, firsts.size());
  }


  /** One stream: the arrival time of each word, until the answer is complete or the run fails. */
  private static final class Listener implements WebSocket.Listener {
    private final ConcurrentLinkedQueue<Long> gaps;
    private final ConcurrentLinkedQueue<Long> firstWords;
    private final CountDownLatch completed;
    private final AtomicInteger failed;
    private final StringBuilder frame = new StringBuilder();
    private long lastWord;
    /** When the person's message was sent. */
    volatile long asked;

    Listener(ConcurrentLinkedQueue<Long> gaps, ConcurrentLinkedQueue<Long> firstWords,
        CountDownLatch completed, AtomicInteger failed) {
      this.gaps = gaps;
      this.firstWords = firstWords;
      this.completed = completed;
      this.failed = failed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      frame.append(data);
      if (last) {
        String text = frame.toString();
        frame.setLength(0);
        long now = System.nanoTime();
        if (text.contains("\"type\":\"message.delta\"")) {
          if (lastWord != 0) {
            gaps.add(now - lastWord);
          } else if (asked != 0) {
            firstWords.add(now - asked);
          }
          lastWord = now;
        } else if (text.contains("\"type\":\"message.completed\"")) {
          completed.countDown();
        } else if (text.contains("\"type\":\"run.failed\"")) {
          failed.incrementAndGet();
          completed.countDown();
        }
      }
      socket.request(1);
      return CompletableFuture.completedFuture(null);
    }
  }
}
