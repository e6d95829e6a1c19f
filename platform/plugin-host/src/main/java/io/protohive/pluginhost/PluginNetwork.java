package io.protohive.pluginhost;

import io.protohive.plugin.api.HostHttp;
import io.protohive.plugin.api.HostHttp.NetworkRefused;
import io.protohive.plugin.api.HostPattern;
import io.protohive.pluginhost.internal.BlockedRange;
import io.protohive.pluginhost.internal.Resolver;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The host's one HTTP client, handed to each plugin as a {@link HostHttp} that reaches only the
 * hosts the plugin declares. Before anything is sent, the request must be http or https without
 * credentials in the URL, its host must be declared (checked before the name is resolved, so a
 * refused URL does not even cause a DNS query that could leak data to the name's owner), and every
 * address the host resolves to must be public, unless the operator lists the host among the private
 * hosts. Checking every address, not just the first, stops a name that answers with both a public
 * and an internal address. Redirects are never followed here, so each hop is a request checked
 * anew.
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
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new NetworkRefused("Refused: only http and https URLs can be called.");
    }
    if (uri.getHost() == null) {
      throw new NetworkRefused("Refused: the URL has no valid host name.");
    }
    if (uri.getRawUserInfo() != null) {
      // userinfo is a classic way to disguise the real host, and it would put a password in logs
      throw new NetworkRefused(
          "Refused: URLs with a user name or password are not allowed; send credentials in a"
              + " header instead.");
    }
    String host = HostPattern.normaliseHost(uri.getHost());
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (declared != null && declared.stream().noneMatch(p -> p.matches(host, port))) {
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
