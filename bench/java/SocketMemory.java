import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * What an open socket costs the server: opens N sockets on /api/v1/socket, each subscribed to a
 * conversation of its own, and holds them until told to on standard input, so that the script can
 * read the server's memory before and after. Run by bench/socket-memory.sh.
 */
public final class SocketMemory {

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path tenants = Path.of(args[1]);
    int sockets = Integer.parseInt(args[2]);
    String token = BenchPlatform.tenantAdmin(base, tenants);
    String organization = BenchPlatform.field(BenchPlatform.send(base, "POST",
        "api/v1/organizations", token,
        "{\"name\":\"Desk\",\"template\":\"customer-support\"}").body(), "id");
    String agent = BenchPlatform.field(BenchPlatform.send(base, "GET",
        "api/v1/organizations/" + organization + "/agents", token, "").body(), "id");
    List<String> conversations = new ArrayList<>();
    for (int i = 0; i < sockets; i++) {
      conversations.add(BenchPlatform.field(BenchPlatform.send(base, "POST",
          "api/v1/conversations", token, "{\"organizationId\":\"" + organization
              + "\",\"agentIds\":[\"" + agent + "\"]}").body(), "id"));
    }
    System.out.println("ready");
    System.in.read();
    HttpClient http = HttpClient.newHttpClient();
    String uri = base.replace("http", "ws") + "api/v1/socket?access_token=" + token;
    List<WebSocket> open = new ArrayList<>();
    for (String conversation : conversations) {
      WebSocket socket = http.newWebSocketBuilder()
          .buildAsync(URI.create(uri), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
              s.request(1);
              return CompletableFuture.completedFuture(null);
            }
          })
          .get(30, TimeUnit.SECONDS);
      socket.sendText("{\"type\":\"subscribe\",\"conversationId\":\"" + conversation + "\"}", true)
          .get(30, TimeUnit.SECONDS);
      open.add(socket);
    }
    System.out.println("open " + open.size());
    System.in.read();
    open.forEach(WebSocket::abort);
  }
}
