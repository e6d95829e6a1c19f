import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What /api/openai/v1/chat/completions adds to a turn of an agent over the agent's own path, in
 * the same run against the same server: a person's message posted to a conversation with
 * POST /api/v1/conversations/{id}/messages and its answer awaited on /api/v1/socket
 * (message.completed), against the same message sent as an OpenAI chat completion to the same
 * kind of conversation, answered whole and streamed (until data: [DONE]). Samples alternate between
 * the paths, one at a time, each in a fresh conversation; the scripted model answers, one word
 * every D ms. Run by bench/openai-overhead.sh against the load scripts' server.
 */
public final class OpenAiOverhead {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** About 40 words come back: the scripted model echoes what it was told. */
  private static final String QUESTION =
      "Our customer asks whether the refund for the broken kettle they returned last week has"
          + " been processed yet and when the money will be back on their card please explain";

  private static final Map<String, CompletableFuture<Long>> COMPLETIONS = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path tenants = Path.of(args[1]);
    int samples = Integer.parseInt(args[2]);
    int delayMillis = Integer.parseInt(args[3]);
    String token = BenchPlatform.tenantAdmin(base, tenants);
    BenchPlatform.send(base, "PUT", "api/v1/tenant/plugins/io.protohive.plugins.llm-scripted",
        token, "{\"enabled\":true,\"config\":{\"tokenDelayMillis\":\"" + delayMillis + "\"}}");
    BenchPlatform.send(base, "PUT", "api/v1/tenant/llm-route", token,
        "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}");
    String organization = BenchPlatform.field(BenchPlatform.send(base, "POST",
        "api/v1/organizations", token,
        "{\"name\":\"Desk\",\"template\":\"customer-support\"}").body(), "id");
    String agents = BenchPlatform.send(base, "GET",
        "api/v1/organizations/" + organization + "/agents", token, "").body();
    String agent = BenchPlatform.field(agents, "id");
    String model = "desk/" + BenchPlatform.field(agents, "name");
    WebSocket socket = HTTP.newWebSocketBuilder()
        .buildAsync(URI.create(base.replace("http", "ws") + "api/v1/socket?access_token=" + token),
            new Completions())
        .get(30, TimeUnit.SECONDS);

    List<Long> own = new ArrayList<>();
    List<Long> whole = new ArrayList<>();
    List<Long> streamed = new ArrayList<>();
    int warmUp = Math.max(10, samples / 10);
    for (int i = 0; i < warmUp + samples; i++) {
      boolean kept = i >= warmUp;
      long ownTook = ownPath(base, token, socket, organization, agent);
      long wholeTook = openAi(base, token, organization, agent, model, false);
      long streamedTook = openAi(base, token, organization, agent, model, true);
      if (kept) {
        own.add(ownTook);
        whole.add(wholeTook);
        streamed.add(streamedTook);
      }
    }
    socket.abort();
    Collections.sort(own);
    Collections.sort(whole);
    Collections.sort(streamed);
    report("agent's own path (post, socket)", own, own);
    report("OpenAI chat completion, whole", whole, own);
    report("OpenAI chat completion, streamed", streamed, own);
  }

  private static void report(String path, List<Long> sorted, List<Long> baseline) {
    System.out.printf("%-34s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  ratio of p50 %.3f,"
            + " of p95 %.3f  (%d turns)%n",
        path, BenchPlatform.millis(sorted, 50), BenchPlatform.millis(sorted, 95),
        BenchPlatform.millis(sorted, 99),
        BenchPlatform.millis(sorted, 50) / BenchPlatform.millis(baseline, 50),
        BenchPlatform.millis(sorted, 95) / BenchPlatform.millis(baseline, 95), sorted.size());
  }

  private static String conversation(String base, String token, String organization, String agent)
      throws Exception {
    return BenchPlatform.field(BenchPlatform.send(base, "POST", "api/v1/conversations", token,
        "{\"organizationId\":\"" + organization + "\",\"agentIds\":[\"" + agent + "\"]}").body(),
        "id");
  }

  /** From posting the message to its answer's message.completed on the socket. */
  private static long ownPath(String base, String token, WebSocket socket, String organization,
      String agent) throws Exception {
    String conversation = conversation(base, token, organization, agent);
    CompletableFuture<Long> done = new CompletableFuture<>();
    COMPLETIONS.put(conversation, done);
    socket.sendText("{\"type\":\"subscribe\",\"conversationId\":\"" + conversation + "\"}", true)
        .get(30, TimeUnit.SECONDS);
    long started = System.nanoTime();
    HttpResponse<String> posted = BenchPlatform.send(base, "POST",
        "api/v1/conversations/" + conversation + "/messages", token,
        "{\"content\":\"" + QUESTION + "\"}");
    if (posted.statusCode() != 202) {
      throw new IllegalStateException("posting answered " + posted.statusCode());
    }
    long took = done.get(120, TimeUnit.SECONDS) - started;
    socket.sendText("{\"type\":\"unsubscribe\",\"conversationId\":\"" + conversation + "\"}", true);
    COMPLETIONS.remove(conversation);
    return took;
  }

  /** From sending the chat completion to its whole answer, or the stream's [DONE]. */
  private static long openAi(String base, String token, String organization, String agent,
      String model, boolean stream) throws Exception {
    String conversation = conversation(base, token, organization, agent);
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(base + "api/openai/v1/chat/completions"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"stream\":"
            + stream + ",\"conversation\":\"" + conversation + "\",\"messages\":[{\"role\":"
            + "\"user\",\"content\":\"" + QUESTION + "\"}]}"))
        .build();
    long started = System.nanoTime();
    HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - started;
    if (answer.statusCode() != 200
        || (stream ? !answer.body().endsWith("data: [DONE]\n\n") : !answer.body().contains("usage"))) {
      throw new IllegalStateException("chat completion answered " + answer.statusCode() + ": "
          + answer.body());
    }
    return took;
  }

  /** Completes the waiting turn of each conversation whose message.completed arrives. */
  private static final class Completions implements WebSocket.Listener {
    private final StringBuilder frame = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      frame.append(data);
      if (last) {
        long now = System.nanoTime();
        String text = frame.toString();
        frame.setLength(0);
        if (text.contains("\"type\":\"message.completed\"")) {
          CompletableFuture<Long> waiting =
              COMPLETIONS.get(BenchPlatform.field(text, "conversationId"));
          if (waiting != null) {
            waiting.complete(now);
          }
        } else if (text.contains("\"type\":\"run.failed\"")) {
          throw new IllegalStateException("a run failed: " + text);
        }
      }
      socket.request(1);
      return CompletableFuture.completedFuture(null);
    }
  }
}
