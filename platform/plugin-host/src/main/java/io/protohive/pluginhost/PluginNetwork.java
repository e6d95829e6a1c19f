package io.protohive.pluginhost;

import io.protohive.plugin.api.HostHttp;
import io.protohive.plugin.api.HostHttp.NetworkRefused;
import io.protohive.plugin.api.HostPattern;
import io.protohive.plugin.api.HttpFetch;
import io.protohive.plugin.api.ToolContext;
import io.protohive.pluginhost.internal.BlockedRange;
import io.protohive.pluginhost.internal.GuardedFetch;
import io.protohive.pluginhost.internal.Resolver;
import io.protohive.pluginhost.internal.Target;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The host's one HTTP client, handed to each plugin as a {@link HostHttp} that reaches only the
 * hosts the plugin declares. Before anything is sent, the request must be http or https without
 * credentials in the URL, its host must be declared (checked before the name is resolved, so a
 * refused URL does not even cause a DNS query that could leak data to the name's owner), and every
 * address the host resolves to must be public, unless the operator lists the host among the private
 * hosts. Checking every address, not just the first, stops a name that answers with both a public
 * and an internal address. {@code sendAsync} never follows redirects; {@code fetch} follows them
 * one checked request per hop, with a body cap and the call's deadline ({@link GuardedFetch}).
 *
 * <p>Known gap: {@link HttpClient} resolves the host again when it connects and cannot be told to
 * use the addresses checked here, so a name whose DNS answer changes between the two lookups (DNS
 * rebinding) can still slip through.
 *
 * <p>Thread-safe.
 */
public final class PluginNetwork {

  /** The operator's setting that names hosts plugins may reach on internal addresses. */
  public static final String PRIVATE_HOSTS_SETTING = "protohive.plugins.private-hosts";

  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final List<HostPattern> privateHosts;
  private final Resolver resolver;

  /**
   * @param privateHosts the hosts the operator allows on loopback, private or link-local addresses
   */
  public PluginNetwork(List<HostPattern> privateHosts) {
    this(privateHosts, Resolver.SYSTEM);
  }

  PluginNetwork(List<HostPattern> privateHosts, Resolver resolver) {
    this.privateHosts = List.copyOf(privateHosts);
    this.resolver = resolver;
  }

  /** The client a plugin gets, bounded by the hosts its manifest declares. */
  public HostHttp forPlugin(String pluginId, List<HostPattern> declaredHosts) {
    List<HostPattern> declared = List.copyOf(declaredHosts);
    return new HostHttp() {
      @Override
      public <T> CompletableFuture<HttpResponse<T>> sendAsync(
          HttpRequest request, HttpResponse.BodyHandler<T> body) throws NetworkRefused {
        check(pluginId, declared, request.uri());
        return client.sendAsync(request, body);
      }

      @Override
      public HttpFetch.Response fetch(HttpFetch request, ToolContext context)
          throws IOException, InterruptedException {
        return GuardedFetch.fetch(this, request, context);
      }
    };
  }

  /**
   * Refuses a URL that is not http or https, or whose host resolves to a loopback, private or
   * link-local address the operator has not allowed; for URLs that people, not plugins, give.
   */
  public void checkAddress(URI uri) throws NetworkRefused {
    check(null, null, uri);
  }

  private void check(String pluginId, List<HostPattern> declared, URI uri) throws NetworkRefused {
    Target target = Target.of(uri);
    String host = target.host();
    int port = target.port();
    if (declared != null && !target.matchesAny(declared)) {
      throw new NetworkRefused(
          "Refused: the plugin "
              + pluginId
              + " does not declare "
              + host
              + " among its network hosts.");
    }
    if (privateHosts.stream().anyMatch(p -> p.matches(host, port))) {
      return;
    }
    for (InetAddress address : resolve(host)) {
      Optional<BlockedRange> range = BlockedRange.of(address);
      if (range.isPresent()) {
        throw new NetworkRefused(refusal(host, address, range.get()));
      }
    }
  }

  private InetAddress[] resolve(String host) throws NetworkRefused {
    try {
      return resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new NetworkRefused("Could not resolve the host " + host + ".");
    }
  }

  private static String refusal(String host, InetAddress address, BlockedRange range) {
    String ip = address.getHostAddress();
    String what =
        host.equals(ip)
            ? ip + " is " + range.describe()
            : host + " resolves to " + ip + ", " + range.describe();
    return "Refused: "
        + what
        + "; only the platform's operator can allow it, under "
        + PRIVATE_HOSTS_SETTING
        + ".";
  }
}
