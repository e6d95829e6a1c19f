package io.protohive.app.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver of the test's own on 127.0.0.1, reached as {@code localhost}, which the test
 * server's operator allows: it keeps every request, answers 500 as often as told and then 200, and
 * checks signatures as the Standard Webhooks specification says.
 */
final class WebhookReceiver implements AutoCloseable {

  /** A request the receiver got. */
  record Received(String id, String timestamp, String signature, String body) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final HttpServer server;

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("webhook-id"),
                  exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                  exchange.getRequestHeaders().getFirst("webhook-signature"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /** The address a webhook is given. */
  String url() {
    return "http://localhost:" + port() + "/hook";
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Has the next {@code times} requests answered 500. */
  void fail(int times) {
    failuresLeft.set(times);
  }

  /**
   * The receiver's check, written from the specification rather than from the platform's code: the
   * HMAC-SHA256, keyed with the Base64 after {@code whsec_}, of {@code id.timestamp.body}, among
   * the space-separated {@code v1,} signatures of the header.
   */
  static boolean verified(String secret, Received request) throws Exception {
    String expected = sign(secret, request);
    for (String signature : request.signature().split(" ")) {
      if (signature.equals(expected)) {
        return true;
      }
    }
    return false;
  }

  static String sign(String secret, Received request) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    byte[] signature =
        mac.doFinal(
            (request.id() + "." + request.timestamp() + "." + request.body())
                .getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(signature);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
