package io.protohive.kernel.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportSessionNotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A transport that learns, for the requests a piece of work sends, whether the server refused them
 * because it knows no such session (HTTP 404, as the protocol has it): only then is it sure that
 * they never reached the server. The client fails such a request as if the session merely ended,
 * which it also says of requests the server may have received.
 */
final class RefusalWatch implements McpClientTransport {

  /** The requests of the work under way on this thread, each with whether it was refused. */
  private static final ThreadLocal<List<CompletableFuture<Boolean>>> SENT = new ThreadLocal<>();

  /** How long the outcome of a request is awaited once the work failed: it follows at once. */
  private static final Duration SETTLING = Duration.ofSeconds(1);

  private final McpClientTransport transport;
  private volatile boolean sessionUnknown;

  RefusalWatch(McpClientTransport transport) {
    this.transport = transport;
  }

  /**
   * Does the work, noting the requests it sends from this thread; requests the client sends from
   * another thread are not known to be refused.
   *
   * @param refused told, when the work fails, whether it sent requests and the server refused all
   */
  <T> T watch(Supplier<T> work, Consumer<Boolean> refused) {
    List<CompletableFuture<Boolean>> sent = new CopyOnWriteArrayList<>();
    SENT.set(sent);
    try {
      return work.get();
    } catch (RuntimeException e) {
      refused.accept(
          sessionUnknown && !sent.isEmpty() && sent.stream().allMatch(RefusalWatch::refused));
      throw e;
    } finally {
      SENT.remove();
    }
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    List<CompletableFuture<Boolean>> sent = SENT.get();
    if (sent == null || !(message instanceof McpSchema.JSONRPCRequest)) {
      return transport.sendMessage(message);
    }
    CompletableFuture<Boolean> refused = new CompletableFuture<>();
    sent.add(refused);
    return transport
        .sendMessage(message)
        .doOnSuccess(delivered -> refused.complete(false))
        .doOnError(e -> refused.complete(e instanceof McpTransportSessionNotFoundException))
        .doOnCancel(() -> refused.complete(false));
  }

  @Override
  public void setExceptionHandler(Consumer<Throwable> handler) {
    transport.setExceptionHandler(
        e -> {
          if (e instanceof McpTransportSessionNotFoundException) {
            sessionUnknown = true;
          }
          handler.accept(e);
        });
  }

  @Override
  public Mono<Void> connect(
      Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    return transport.connect(handler);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return transport.closeGracefully();
  }

  @Override
  public void close() {
    transport.close();
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
    return transport.unmarshalFrom(data, type);
  }

  @Override
  public List<String> protocolVersions() {
    return transport.protocolVersions();
  }

  private static boolean refused(CompletableFuture<Boolean> outcome) {
    try {
      return outcome.get(SETTLING.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }
}
