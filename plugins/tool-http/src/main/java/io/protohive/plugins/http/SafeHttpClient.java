package io.protohive.plugins.http;

import io.protohive.plugin.api.HostHttp;
import io.protohive.plugin.api.ToolContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends requests on behalf of both tools through the host's HTTP client ({@link
 * ToolContext#http()}), which refuses internal addresses and hosts this plugin does not declare.
 * Every URL, the first and every redirect target, must also be on the tenant's allow-list, which is
 * checked before the host client even resolves the name; that is why redirects are followed here,
 * one checked request per hop. Response bodies are capped, and no request outlives its timeout, the
 * agent's deadline or a cancellation.
 */
final class SafeHttpClient {

  static final int MAX_REDIRECTS = 5;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  /** How often a waiting request looks whether the agent's call was cancelled. */
  private static final long POLL_MILLIS = 100;

  /** Sends the request, following up to {@link #MAX_REDIRECTS} redirects that pass the policy. */
  Fetched send(Outgoing request, Settings settings, ToolContext context)
      throws ToolFailure, InterruptedException {
    Outgoing next = request;
    for (int redirects = 0; ; redirects++) {
      if (context.isCancelled()) {
        throw new ToolFailure("The call was cancelled or ran out of time.");
      }
      Target target = Target.of(next.uri());
      if (!target.matchesAny(settings.allowedHosts())) {
        throw new ToolFailure(
            "Refused: " + target.label() + " is not on this tenant's allow-list.");
      }
      HttpResponse<CappedBody.Bytes> response = exchange(next, settings, context);
      Optional<String> location = response.headers().firstValue("location");
      if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
        return new Fetched(response.statusCode(), response.headers(), response.body());
      }
      if (redirects == MAX_REDIRECTS) {
        throw new ToolFailure("Gave up after " + MAX_REDIRECTS + " redirects.");
      }
      next = next.redirect(resolve(next.uri(), location.get()), response.statusCode());
    }
  }

  private HttpResponse<CappedBody.Bytes> exchange(
      Outgoing request, Settings settings, ToolContext context)
      throws ToolFailure, InterruptedException {
    Duration timeout = min(settings.timeout(), context.remaining());
    if (timeout.isZero()) {
      throw new ToolFailure("The call ran out of time.");
    }
    String host = Target.of(request.uri()).label();
    CompletableFuture<HttpResponse<CappedBody.Bytes>> response;
    try {
      response =
          context
              .http()
              .sendAsync(
                  request.toHttpRequest(timeout),
                  info -> new CappedBody(settings.maxResponseBytes()));
    } catch (HostHttp.NetworkRefused e) {
      throw new ToolFailure(e.getMessage());
    }
    try {
      return await(response, Instant.now().plus(timeout), context, host);
    } catch (ExecutionException e) {
      throw failure(e.getCause(), host);
    } finally {
      response.cancel(true); // no-op once done; otherwise frees the connection
    }
  }

  /** Waits for the response, in slices, so that a cancelled call stops waiting at once. */
  private static <T> T await(
      CompletableFuture<T> response, Instant until, ToolContext context, String host)
      throws ToolFailure, InterruptedException, ExecutionException {
    while (!context.isCancelled()) {
      long left = Duration.between(Instant.now(), until).toMillis();
      if (left <= 0) {
        throw new ToolFailure(host + " did not answer in time.");
      }
      try {
        return response.get(Math.min(left, POLL_MILLIS), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // not yet: look at the clock and the cancellation again
      }
    }
    throw new ToolFailure("The call was cancelled or ran out of time.");
  }

  private static ToolFailure failure(Throwable cause, String host) {
    if (cause instanceof HttpTimeoutException) {
      return new ToolFailure(host + " did not answer in time.");
    }
    if (cause instanceof IOException) {
      String detail = cause.getMessage() == null ? "" : ": " + cause.getMessage();
      return new ToolFailure(
          "Could not reach " + host + " (" + cause.getClass().getSimpleName() + detail + ").");
    }
    return new ToolFailure(
        "The request to " + host + " failed (" + cause.getClass().getSimpleName() + ").");
  }

  private static URI resolve(URI base, String location) throws ToolFailure {
    try {
      return base.resolve(URI.create(location));
    } catch (IllegalArgumentException e) {
      throw new ToolFailure("The server redirected to an invalid URL.");
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
