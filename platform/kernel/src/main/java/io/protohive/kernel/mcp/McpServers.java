package io.protohive.kernel.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.secret.SecretBox;
import io.protohive.kernel.tenancy.TenantDirectory;
import io.protohive.plugin.api.HostHttp.NetworkRefused;
import io.protohive.pluginhost.PluginNetwork;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The MCP servers a tenant's admins register and the tools agents are offered from them. A server
 * is reached over streamable HTTP only at public addresses, or at hosts the operator allows for
 * plugins; only platform admins register a server that runs as a command, which runs in the sandbox
 * code runs in. This node keeps a session with each server it calls ({@link McpSessions}). Its
 * tools are listed when it is registered, when an admin asks again and when a running server says
 * they changed, and every call is bounded by the plugin call timeout. A server may be reached with
 * a bearer token an admin gives or with one the platform gets with the OAuth client credentials
 * grant ({@link McpOAuthTokens}). Admins' changes are audited, without the token or the client
 * secret.
 */
@ApplicationScoped
public class McpServers {

  /** What a server's name looks like: it becomes part of its tools' names. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = Logger.getLogger(McpServers.class.getName());

  @Inject McpStore store;
  @Inject SecretBox secrets;
  @Inject PlatformSettings settings;
  @Inject McpSessions sessions;
  @Inject Authorization authorization;
  @Inject TenantDirectory directory;
  @Resource ManagedExecutorService executor;
  @Inject AuditLog audit;
  @Inject McpOAuthTokens oauthTokens;

  /** The tenant's servers and their tools; tenant admins only. */
  public List<McpServerView> list(Caller admin) {
    store.requireAdmin(admin);
    Map<UUID, List<McpStore.StoredTool>> tools = store.tools(admin.tenantId());
    return store.servers(admin.tenantId()).stream()
        .map(server -> view(server, tools.getOrDefault(server.id(), List.of())))
        .toList();
  }

  /**
   * Registers a server and lists its tools; a server that cannot be reached, or whose address is
   * not allowed, or whose OAuth token endpoint gives no token, is refused with the reason.
   *
   * @param token a bearer token, or {@code null}
   * @param oauth how to get an access token instead, or {@code null}
   */
  public McpServerView register(
      Caller admin,
      String name,
      String url,
      String token,
      McpOAuthClient oauth,
      String sourceAddress) {
    store.requireAdmin(admin);
    requireName(name);
    URI address = address("url", url);
    if (token != null && (token.isBlank() || token.length() > 4000)) {
      throw Rejection.invalid("token", "A token is up to 4000 characters.");
    }
    if (token != null && oauth != null) {
      throw Rejection.invalid("oauth", "Give either a token or an OAuth client, not both.");
    }
    if (oauth != null) {
      requireClient(oauth);
      address("oauth.tokenUrl", oauth.tokenUrl());
    }
    if (store.serverNamed(admin.tenantId(), name).isPresent()) {
      throw Rejection.of(Rejection.Kind.CONFLICT, "The tenant has an MCP server named " + name);
    }
    String bearer;
    try {
      bearer =
          oauth == null
              ? token
              : oauthTokens.fetch(oauth, settings.pluginCallTimeout()).accessToken();
    } catch (McpConnection.Failure e) {
      throw Rejection.invalid("oauth", "No access token could be had: " + e.getMessage());
    }
    List<McpConnection.ListedTool> listed;
    try {
      listed =
          sessions.listOnce(
              McpEndpoint.http(address.toString(), () -> {}, () -> bearer),
              settings.pluginCallTimeout());
    } catch (McpConnection.Failure e) {
      throw Rejection.invalid("url", "The MCP server could not be used: " + e.getMessage());
    }
    UUID id = UUID.randomUUID();
    McpStore.Server server =
        new McpStore.Server(
            id,
            name,
            address.toString(),
            token == null ? null : secrets.encrypt(token, context(admin.tenantId(), id)),
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            null,
            oauth == null
                ? null
                : new McpStore.OAuth(
                    oauth.tokenUrl(),
                    oauth.clientId(),
                    secrets.encrypt(oauth.clientSecret(), context(admin.tenantId(), id)),
                    oauth.scope()));
    McpServerView saved = save(admin.tenantId(), server, listed);
    audited(admin.tenantId(), admin, AuditLog.Action.MCP_SERVER_REGISTERED, server, sourceAddress);
    return saved;
  }

  /**
   * Registers, for a tenant, a server that runs as a command in the sandbox, and lists its tools;
   * platform admins only. Where no sandbox can be made it is refused, saying why: a command never
   * runs unsandboxed.
   */
  public McpServerView registerCommand(
      Caller platformAdmin,
      UUID tenantId,
      String name,
      String command,
      List<String> args,
      String folder,
      String sourceAddress) {
    authorization.platformAdmin(platformAdmin);
    if (tenantId == null || directory.byId(tenantId).isEmpty()) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "There is no such tenant.");
    }
    requireName(name);
    StdioCommand started = StdioCommand.of(command, args, folder);
    Optional<String> unavailable = started.sandbox().unavailable();
    if (unavailable.isPresent()) {
      throw Rejection.invalid(
          "command",
          "Commands cannot run on this server: "
              + unavailable.get()
              + ". They only ever run in a sandbox.");
    }
    if (store.serverNamed(tenantId, name).isPresent()) {
      throw Rejection.of(Rejection.Kind.CONFLICT, "The tenant has an MCP server named " + name);
    }
    List<McpConnection.ListedTool> listed;
    try {
      listed = sessions.listOnce(McpEndpoint.command(started), settings.pluginCallTimeout());
    } catch (McpConnection.Failure e) {
      throw Rejection.invalid("command", "The MCP server could not be used: " + e.getMessage());
    }
    McpStore.Server server =
        new McpStore.Server(
            UUID.randomUUID(),
            name,
            null,
            null,
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            started,
            null);
    McpServerView saved = save(tenantId, server, listed);
    audited(tenantId, platformAdmin, AuditLog.Action.MCP_SERVER_REGISTERED, server, sourceAddress);
    return saved;
  }

  /** Lists the server's tools again. */
  public McpServerView refresh(Caller admin, UUID id, String sourceAddress) {
    store.requireAdmin(admin);
    McpStore.Server server = found(admin, id);
    List<McpConnection.ListedTool> listed;
    sessions.stop(id);
    try {
      listed = kept(admin.tenantId(), server, McpConnection::listTools);
    } catch (McpConnection.Failure e) {
      throw Rejection.of(
          Rejection.Kind.INVALID, "The MCP server could not be used: " + e.getMessage());
    }
    store.replaceTools(admin.tenantId(), id, stored(id, listed));
    audited(admin.tenantId(), admin, AuditLog.Action.MCP_SERVER_REFRESHED, server, sourceAddress);
    return view(server, store.tools(admin.tenantId()).getOrDefault(id, List.of()));
  }

  public void delete(Caller admin, UUID id, String sourceAddress) {
    store.requireAdmin(admin);
    McpStore.Server server = found(admin, id);
    if (!store.delete(admin.tenantId(), id)) {
      throw notFound();
    }
    sessions.stop(id);
    oauthTokens.forget(id);
    audited(admin.tenantId(), admin, AuditLog.Action.MCP_SERVER_REMOVED, server, sourceAddress);
  }

  /** Sets whether agents are offered one of the server's tools, and whether its calls ask first. */
  public McpServerView setPolicy(
      Caller admin, UUID id, String tool, String policy, String sourceAddress) {
    store.requireAdmin(admin);
    McpStore.Server server = found(admin, id);
    McpToolPolicy chosen;
    try {
      chosen = McpToolPolicy.valueOf(String.valueOf(policy));
    } catch (IllegalArgumentException e) {
      throw Rejection.invalid("policy", "A policy is ALLOWED, ASK_FIRST or OFF.");
    }
    List<McpStore.StoredTool> tools = store.tools(admin.tenantId()).getOrDefault(id, List.of());
    if (tools.stream().noneMatch(t -> t.name().equals(tool))) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "The server has no tool " + tool);
    }
    store.setPolicy(admin.tenantId(), id, tool, chosen);
    audit.record(
        admin.tenantId(),
        admin.userId(),
        AuditLog.Action.MCP_TOOL_POLICY_CHANGED,
        McpTool.idOf(server.name(), tool) + " " + chosen,
        sourceAddress);
    return view(server, store.tools(admin.tenantId()).getOrDefault(id, List.of()));
  }

  /**
   * The tools agents of the person's tenant may be offered: those not turned off; an agent is
   * offered those among its tools.
   */
  public List<McpTool> offered(Caller person) {
    if (person.tenantId() == null) {
      return List.of();
    }
    Map<UUID, List<McpStore.StoredTool>> tools = store.tools(person.tenantId());
    List<McpTool> offered = new ArrayList<>();
    for (McpStore.Server server : store.servers(person.tenantId())) {
      for (McpStore.StoredTool tool : tools.getOrDefault(server.id(), List.of())) {
        if (tool.policy() != McpToolPolicy.OFF) {
          offered.add(
              new McpTool(
                  server.id(),
                  server.name(),
                  tool.name(),
                  McpTool.idOf(server.name(), tool.name()),
                  tool.description(),
                  tool.inputSchema(),
                  tool.policy() == McpToolPolicy.ASK_FIRST));
        }
      }
    }
    return offered;
  }

  /**
   * Calls an offered tool for a person of its tenant: its answer, whose files the caller keeps.
   *
   * @throws Rejection when the server refuses, fails or does not answer in time, with the reason
   */
  public McpAnswer call(Caller person, McpTool tool, Map<String, Object> arguments) {
    McpStore.Server server =
        store
            .server(person.tenantId(), tool.serverId())
            .orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, "The server is gone."));
    McpAnswer result;
    try {
      result =
          kept(
              person.tenantId(),
              server,
              client -> McpConnection.call(client, tool.name(), arguments));
    } catch (McpConnection.Failure e) {
      throw Rejection.of(Rejection.Kind.INVALID, e.getMessage());
    }
    if (result.error()) {
      throw Rejection.of(Rejection.Kind.INVALID, result.text());
    }
    return result;
  }

  /** Works with the server's kept session. */
  private <T> T kept(UUID tenantId, McpStore.Server server, Function<McpSyncClient, T> work) {
    try {
      return keptOnce(tenantId, server, work);
    } catch (McpConnection.Failure e) {
      if (server.oauth() == null || !e.unauthorized()) {
        throw e;
      }
      // the server refused the token, so nothing ran: a fresh token may be let in
      oauthTokens.forget(server.id());
      return keptOnce(tenantId, server, work);
    }
  }

  private <T> T keptOnce(UUID tenantId, McpStore.Server server, Function<McpSyncClient, T> work) {
    return sessions.use(
        server.id(),
        endpoint(tenantId, server),
        settings.pluginCallTimeout(),
        toolsKept(tenantId, server.id()),
        work);
  }

  /**
   * How the server is reached; over HTTP its address is checked and its token read at every
   * session's opening.
   */
  private McpEndpoint endpoint(UUID tenantId, McpStore.Server server) {
    if (server.command() != null) {
      return McpEndpoint.command(server.command());
    }
    return McpEndpoint.http(
        server.url(),
        () -> {
          try {
            new PluginNetwork(settings.pluginPrivateHosts()).checkAddress(URI.create(server.url()));
          } catch (NetworkRefused e) {
            throw new McpConnection.Failure(e.getMessage());
          }
        },
        () -> bearer(tenantId, server));
  }

  /**
   * Keeps the tools a server says it now has, in a task of its own since the news comes on the
   * client's thread; the policies stay. A server deleted meanwhile is stopped instead.
   */
  private Consumer<List<McpConnection.ListedTool>> toolsKept(UUID tenantId, UUID serverId) {
    return tools ->
        executor.execute(
            () -> {
              try {
                if (store.server(tenantId, serverId).isPresent()) {
                  store.replaceTools(tenantId, serverId, stored(serverId, tools));
                } else {
                  sessions.stop(serverId);
                }
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The changed tools of an MCP server could not be kept", e);
              }
            });
  }

  private McpServerView save(
      UUID tenantId, McpStore.Server server, List<McpConnection.ListedTool> listed) {
    store.insert(tenantId, server);
    store.replaceTools(tenantId, server.id(), stored(server.id(), listed));
    return view(server, store.tools(tenantId).getOrDefault(server.id(), List.of()));
  }

  private static void requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw Rejection.invalid(
          "name", "A name is 1 to 40 lower-case letters, digits and hyphens, such as github.");
    }
  }

  /** Records an admin's change to a server by its name and address; the token stays out. */
  private void audited(
      UUID tenantId,
      Caller admin,
      AuditLog.Action action,
      McpStore.Server server,
      String sourceAddress) {
    audit.record(
        tenantId, admin.userId(), action, server.name() + " " + origin(server), sourceAddress);
  }

  /** The server's command, or its scheme, host and port: its path or query may hold a key. */
  private static String origin(McpStore.Server server) {
    if (server.url() == null) {
      return server.command().executable();
    }
    URI uri = URI.create(server.url());
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private static void requireClient(McpOAuthClient oauth) {
    if (oauth.clientId() == null || oauth.clientId().isBlank() || oauth.clientId().length() > 400) {
      throw Rejection.invalid("oauth.clientId", "A client id is 1 to 400 characters.");
    }
    if (oauth.clientSecret() == null
        || oauth.clientSecret().isEmpty()
        || oauth.clientSecret().length() > 4000) {
      throw Rejection.invalid("oauth.clientSecret", "A client secret is 1 to 4000 characters.");
    }
    if (oauth.scope() != null && oauth.scope().length() > 1000) {
      throw Rejection.invalid("oauth.scope", "A scope is up to 1000 characters.");
    }
  }

  /** The checked URL; {@code field} names what it is in a refusal. */
  private URI address(String field, String url) {
    if (url == null || url.length() > 2000) {
      throw Rejection.invalid(field, "Give the URL, up to 2000 characters.");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw Rejection.invalid(field, "The URL is not valid.");
    }
    try {
      new PluginNetwork(settings.pluginPrivateHosts()).checkAddress(uri);
    } catch (NetworkRefused e) {
      throw Rejection.invalid(field, e.getMessage());
    }
    return uri;
  }

  private McpStore.Server found(Caller admin, UUID id) {
    return store.server(admin.tenantId(), id).orElseThrow(McpServers::notFound);
  }

  private static Rejection notFound() {
    return Rejection.of(Rejection.Kind.NOT_FOUND, "The tenant has no such MCP server.");
  }

  /**
   * The bearer the server takes: the token an admin gave, or one had with its OAuth client, kept
   * until shortly before it expires.
   */
  private String bearer(UUID tenantId, McpStore.Server server) {
    if (server.oauth() == null) {
      return server.sealedToken() == null
          ? null
          : secrets.decrypt(server.sealedToken(), context(tenantId, server.id()));
    }
    McpStore.OAuth stored = server.oauth();
    address("oauth.tokenUrl", stored.tokenUrl());
    McpOAuthClient client =
        new McpOAuthClient(
            stored.tokenUrl(),
            stored.clientId(),
            secrets.decrypt(stored.sealedClientSecret(), context(tenantId, server.id())),
            stored.scope());
    return oauthTokens.bearer(server.id(), client, settings.pluginCallTimeout());
  }

  private static String context(UUID tenantId, UUID serverId) {
    return "mcp-server:" + tenantId + ":" + serverId;
  }

  private static List<McpStore.StoredTool> stored(
      UUID serverId, List<McpConnection.ListedTool> listed) {
    return listed.stream()
        .map(
            tool ->
                new McpStore.StoredTool(
                    serverId, tool.name(), tool.description(), schema(tool.inputSchema()), null))
        .toList();
  }

  private static String schema(Map<String, Object> schema) {
    try {
      return JSON.writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      return "{\"type\":\"object\"}";
    }
  }

  private static McpServerView view(McpStore.Server server, List<McpStore.StoredTool> tools) {
    StdioCommand command = server.command();
    return new McpServerView(
        server.id(),
        server.name(),
        server.url(),
        command == null
            ? null
            : Stream.concat(Stream.of(command.executable()), command.args().stream()).toList(),
        server.sealedToken() != null,
        server.oauth() != null
            ? McpServerView.Auth.OAUTH
            : server.sealedToken() != null ? McpServerView.Auth.TOKEN : McpServerView.Auth.NONE,
        server.createdAt(),
        tools.stream()
            .map(t -> new McpServerView.Tool(t.name(), t.description(), t.policy()))
            .toList());
  }
}
