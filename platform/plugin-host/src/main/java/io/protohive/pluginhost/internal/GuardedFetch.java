package io.protohive.pluginhost.internal;

import io.protohive.plugin.api.HostHttp;
import io.protohive.plugin.api.HostHttp.NetworkRefused;
import io.protohive.plugin.api.HostPattern;
import io.protohive.plugin.api.HttpFetch;
import io.protohive.plugin.api.ToolContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link HostHttp#fetch} for every plugin, over the plugin's own checked client: each hop, the
 * first and every redirect target, must pass the fetch's allowed hosts (checked before the name is
 * even resolved) and then the client's own checks, which is why redirects are followed here, one
 * checked request per hop. Response bodies are capped, and no hop outlives its timeout, the call's
 * deadline or a cancellation. Messages name hosts only, never URLs, header values or bodies, which
 * may carry credentials.
 */
public final class GuardedFetch {

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  /** How often a waiting request looks whether the call was cancelled. */
  private static final long POLL_MILLIS = 100;

  private GuardedFetch() {}

  /** Sends the request through {@code client}, following the redirects that pass the policy. */
  public static HttpFetch.Response fetch(HostHttp client, HttpFetch request, ToolContext context)
      throws IOException, InterruptedException {
    Hop next = new Hop(request.method(), request.uri(), request.headers(), request);
    for (int redirects = 0; ; redirects++) {
      if (context.isCancelled()) {
        throw new HttpFetch.Failed("The call was cancelled or ran out of time.");
      }
      Target target = Target.of(next.uri());
      Optional<List<HostPattern>> allowed = request.allowedHosts();
      if (allowed.isPresent() && !target.matchesAny(allowed.get())) {
        throw new NetworkRefused(
            "Refused: " + target.label() + " is not on this tenant's allow-list.");
      }
      HttpResponse<CappedBody.Bytes> response = exchange(client, next, request, context);
      Optional<String> location = response.headers().firstValue("location");
      if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
        CappedBody.Bytes body = response.body();
        return new HttpFetch.Response(
            response.statusCode(),
            next.uri(),
            response.headers(),
            body.content(),
            body.truncated());
      }
      if (redirects == request.maxRedirects()) {
        throw new HttpFetch.Failed("Gave up after " + request.maxRedirects() + " redirects.");
      }
      next = next.redirect(resolve(next.uri(), location.get()), response.statusCode());
    }
  }

  private static HttpResponse<CappedBody.Bytes> exchange(
      HostHttp client, Hop hop, HttpFetch request, ToolContext context)
      throws IOException, InterruptedException {
    Duration timeout = min(request.timeout(), context.remaining());
    if (timeout.isZero()) {
      throw new HttpFetch.Failed("The call ran out of time.");
    }
    String host = Target.of(hop.uri()).label();
    CompletableFuture<HttpResponse<CappedBody.Bytes>> response =
        client.sendAsync(hop.toHttpRequest(timeout), info -> new CappedBody(request.maxBytes()));
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
      throws HttpFetch.Failed, InterruptedException, ExecutionException {
    while (!context.isCancelled()) {
      long left = Duration.between(Instant.now(), until).toMillis();
      if (left <= 0) {
        throw new HttpFetch.Failed(host + " did not answer in time.");
      }
      try {
        return response.get(Math.min(left, POLL_MILLIS), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // not yet: look at the clock and the cancellation again
      }
    }
    throw new HttpFetch.Failed("The call was cancelled or ran out of time.");
  }

  private static HttpFetch.Failed failure(Throwable cause, String host) {
    if (cause instanceof HttpTimeoutException) {
      return new HttpFetch.Failed(host + " did not answer in time.");
    }
    if (cause instanceof IOException) {
      String detail = cause.getMessage() == null ? "" : ": " + cause.getMessage();
      return new HttpFetch.Failed(
          "Could not reach " + host + " (" + cause.getClass().getSimpleName() + detail + ").");
    }
    return new HttpFetch.Failed(
        "The request to " + host + " failed (" + cause.getClass().getSimpleName() + ").");
  }

  private static URI resolve(URI base, String location) throws HttpFetch.Failed {
    try {
      return base.resolve(URI.create(location));
    } catch (IllegalArgumentException e) {
      throw new HttpFetch.Failed("The server redirected to an invalid URL.");
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * One request of a fetch: the one asked for, or where a redirect led.
   *
   * @param method {@code GET} or {@code POST}
   * @param uri the absolute URL
   * @param headers the headers to send, which may carry credentials
   * @param origin the fetch, for its body and content type
   */
  private record Hop(String method, URI uri, Map<String, String> headers, HttpFetch origin) {

    /**
     * The hop after the server answered with a redirect to {@code location}. Like browsers, 301,
     * 302 and 303 turn into a GET without body, 307 and 308 repeat the request. Headers only go
     * along to the same origin, since they may hold credentials meant for this server alone.
     */
    Hop redirect(URI location, int status) throws NetworkRefused {
      Map<String, String> kept = Target.of(uri).equals(Target.of(location)) ? headers : Map.of();
      return status == 307 || status == 308
          ? new Hop(method, location, kept, origin)
          : new Hop("GET", location, kept, origin);
    }

    HttpRequest toHttpRequest(Duration timeout) throws NetworkRefused {
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
      for (Map.Entry<String, String> header : headers.entrySet()) {
        try {
          builder.header(header.getKey(), header.getValue());
        } catch (IllegalArgumentException e) {
          // the exception may quote the value, which may be a credential: name the header only
          throw new NetworkRefused(
              "The header '"
                  + header.getKey()
                  + "' cannot be sent: it is restricted or malformed.");
        }
      }
      if (method.equals("GET") || origin.body().isEmpty()) {
        return builder.GET().build();
      }
      try {
        builder.setHeader("Content-Type", origin.contentType().orElseThrow());
      } catch (IllegalArgumentException e) {
        throw new NetworkRefused("The content type cannot be sent: it is malformed.");
      }
      return builder
          .method(method, BodyPublishers.ofString(origin.body().get(), StandardCharsets.UTF_8))
          .build();
    }
  }
}
