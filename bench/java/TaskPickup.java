import java.net.URI;
import java.net.http.HttpClient;
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
 * The time from assigning a task to an agent until the agent starts on it: from the POST that
 * creates the assigned task to the socket's task.updated event that shows it in progress (the
 * agent's session opened and read its brief). Run by bench/task-pickup.sh against the
 * load scripts' server (bench/lib/bench-server.sh).
 */
public final class TaskPickup {

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path tenants = Path.of(args[1]);
    int tasks = Integer.parseInt(args[2]);
    String token = BenchPlatform.tenantAdmin(base, tenants);
    BenchPlatform.send(base, "PUT", "api/v1/tenant/plugins/io.protohive.plugins.llm-scripted",
        token, "{\"enabled\":true,\"config\":{\"tokenDelayMillis\":\"1\"}}");
    BenchPlatform.send(base, "PUT", "api/v1/tenant/llm-route", token,
        "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}");
    String organization = BenchPlatform.field(BenchPlatform.send(base, "POST",
        "api/v1/organizations", token,
        "{\"name\":\"Desk\",\"template\":\"customer-support\"}").body(), "id");
    String agent = BenchPlatform.field(BenchPlatform.send(base, "GET",
        "api/v1/organizations/" + organization + "/agents", token, "").body(), "id");
    Map<String, CompletableFuture<Long>> started = new ConcurrentHashMap<>();
    Listener listener = new Listener(started);
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(base.replace("http", "ws") + "api/v1/socket?access_token=" + token),
            listener)
        .get(30, TimeUnit.SECONDS);
    socket.sendText("{\"type\":\"subscribe\",\"organizationId\":\"" + organization + "\"}", true)
        .get(30, TimeUnit.SECONDS);
    listener.subscribed.get(30, TimeUnit.SECONDS);
    measure(base, token, organization, agent, 20, started);
    List<Long> pickups = measure(base, token, organization, agent, tasks, started);
    Collections.sort(pickups);
    System.out.printf("%d tasks, one at a time: assignment to work started p50 %.1f ms, p99 %.1f ms%n",
        pickups.size(), BenchPlatform.millis(pickups, 50), BenchPlatform.millis(pickups, 99));
    socket.abort();
  }

  private static List<Long> measure(String base, String token, String organization, String agent,
      int tasks, Map<String, CompletableFuture<Long>> started) throws Exception {
    List<Long> pickups = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      long posted = System.nanoTime();
      String task = BenchPlatform.field(BenchPlatform.send(base, "POST",
          "api/v1/organizations/" + organization + "/tasks", token,
          "{\"title\":\"Ticket " + i + "\",\"assigneeAgentId\":\"" + agent + "\"}").body(), "id");
      long working = started.computeIfAbsent(task, id -> new CompletableFuture<>())
          .get(60, TimeUnit.SECONDS);
      pickups.add(working - posted);
    }
    return pickups;
  }


  /** Notes when each task is first seen in progress. */
  private static final class Listener implements WebSocket.Listener {
    private final Map<String, CompletableFuture<Long>> started;
    private final StringBuilder frame = new StringBuilder();
    final CompletableFuture<Void> subscribed = new CompletableFuture<>();

    Listener(Map<String, CompletableFuture<Long>> started) {
      this.started = started;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      frame.append(data);
      if (last) {
        String text = frame.toString();
        frame.setLength(0);
        if (text.contains("\"type\":\"subscribed\"")) {
          subscribed.complete(null);
        } else if (text.contains("\"type\":\"task.updated\"")
            && text.contains("\"IN_PROGRESS\"")) {
          String task = BenchPlatform.field(text, "taskId");
          started.computeIfAbsent(task, id -> new CompletableFuture<>()).complete(System.nanoTime());
        }
      }
      socket.request(1);
      return CompletableFuture.completedFuture(null);
    }
  }
}
