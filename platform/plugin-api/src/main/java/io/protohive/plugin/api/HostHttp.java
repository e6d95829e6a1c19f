package io.protohive.plugin.api;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's HTTP client, offered to a plugin through {@link ToolContext#http()}. A request reaches
 * only a host the plugin declares in {@link PluginManifest#NETWORK_HOSTS}, only over http or https,
 * and never an address on the host itself, the internal network or a cloud metadata service unless
 * the platform's operator allows that host. {@link #sendAsync} follows no redirects: a plugin that
 * follows one sends a new request, which is checked again. {@link #fetch} does that for the plugin,
 * with a body cap, a timeout and the call's deadline and cancellation: it is what a tool that
 * reaches URLs the model chose should use.
 *
 * <p>Thread-safe.
 *
 * @since 1.1
 */
@ProviderType
public interface HostHttp {

  /**
   * Sends a request once the host has checked where it goes.
   *
   * @throws NetworkRefused when the request may not be sent; nothing was sent then
   */
  <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> body) throws NetworkRefused;

  /** Sends a request and waits for the response; see {@link #sendAsync}. */
  default <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<T>> response = sendAsync(request, body);
    try {
      return response.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (InterruptedException e) {
      response.cancel(true);
      throw e;
    }
  }

  /**
   * Sends the request and follows its redirects, checking every hop as {@link #sendAsync} does and
   * against the request's own {@linkplain HttpFetch#allowedHosts() allowed hosts}. 301, 302 and 303
   * turn into a GET without body, 307 and 308 repeat the request; headers go along only to the same
   * origin. The body is read up to {@link HttpFetch#maxBytes()}. Each hop ends at the request's
   * timeout or the context's deadline, whichever is first, and the fetch stops when the call is
   * cancelled.
   *
   * @throws NetworkRefused when a hop may not be sent; nothing was sent to it
   * @throws HttpFetch.Failed when a hop could not complete
   * @since 1.3
   */
  HttpFetch.Response fetch(HttpFetch request, ToolContext context)
      throws IOException, InterruptedException;

  /** A client that sends nothing and gives {@code reason} for it. */
  static HostHttp refusing(String reason) {
    return new HostHttp() {
      @Override
      public <T> CompletableFuture<HttpResponse<T>> sendAsync(
          HttpRequest request, HttpResponse.BodyHandler<T> body) throws NetworkRefused {
        throw new NetworkRefused(reason);
      }

      @Override
      public HttpFetch.Response fetch(HttpFetch request, ToolContext context)
          throws NetworkRefused {
        throw new NetworkRefused(reason);
      }
    };
  }

  /** Why the host did not send a request, in words an administrator can act on. */
  final class NetworkRefused extends IOException {

    private static final long serialVersionUID = 1L;

    public NetworkRefused(String reason) {
      super(reason);
    }
  }
}
