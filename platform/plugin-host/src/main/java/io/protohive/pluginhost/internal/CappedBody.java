package io.protohive.pluginhost.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a limit and then hangs up, so that a huge or endless response costs
 * at most the limit in memory and no more time than it takes to read that much.
 */
public final class CappedBody implements BodySubscriber<CappedBody.Bytes> {

  /**
   * What was read.
   *
   * @param content the body, or its first {@code limit} bytes
   * @param truncated whether the server had more to send
   */
  public record Bytes(byte[] content, boolean truncated) {}

  private final int limit;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<Bytes> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  public CappedBody(int limit) {
    this.limit = limit;
  }

  @Override
  public CompletionStage<Bytes> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return; // data already on its way when we hung up
    }
    for (ByteBuffer next : buffers) {
      int room = limit - buffer.size();
      if (next.remaining() > room) {
        copy(next, room);
        subscription.cancel();
        result.complete(new Bytes(buffer.toByteArray(), true));
        return;
      }
      copy(next, next.remaining());
    }
    subscription.request(1);
  }

  private void copy(ByteBuffer source, int length) {
    byte[] chunk = new byte[length];
    source.get(chunk);
    buffer.write(chunk, 0, length);
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(new Bytes(buffer.toByteArray(), false));
  }
}
