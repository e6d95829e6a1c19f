package io.protohive.kernel.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The tenant's MCP servers, their listed tools and the policies, in the tenant's rows. */
@ApplicationScoped
public class McpStore {

  private static final String SERVER_COLUMNS =
      "id, name, url, sealed_token, created_at, command, command_args, command_folder,"
          + " oauth_token_url, oauth_client_id, sealed_client_secret, oauth_scope";

  private static final ObjectMapper JSON = new ObjectMapper();

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Authorization authorization;

  /** Refuses anyone but the tenant's admins, in a transaction of its own. */
  @Transactional
  @InTenant
  public void requireAdmin(Caller caller) {
    authorization.tenantAdmin(caller);
  }

  /**
   * A stored server, reached at its URL with the token sealed, or run as its command.
   *
   * @param command for a server that runs as a command; {@code null} for one reached over HTTP
   * @param oauth how its access token is had, for a server reached with one; else {@code null}
   */
  record Server(
      UUID id,
      String name,
      String url,
      String sealedToken,
      Instant createdAt,
      StdioCommand command,
      OAuth oauth) {}

  /** A server's OAuth client, its secret sealed like a token. */
  record OAuth(String tokenUrl, String clientId, String sealedClientSecret, String scope) {}

  /** A listed tool. */
  record StoredTool(
      UUID serverId, String name, String description, String inputSchema, McpToolPolicy policy) {}

  @Transactional
  @InTenant
  public List<Server> servers(@TenantId UUID tenantId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select " + SERVER_COLUMNS + " from mcp_server order by name")
            .getResultList();
    return rows.stream().map(McpStore::server).toList();
  }

  @Transactional
  @InTenant
  public Optional<Server> server(@TenantId UUID tenantId, UUID id) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select " + SERVER_COLUMNS + " from mcp_server where id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().map(McpStore::server).findFirst();
  }

  @Transactional
  @InTenant
  public Optional<Server> serverNamed(@TenantId UUID tenantId, String name) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select " + SERVER_COLUMNS + " from mcp_server where name = ?1")
            .setParameter(1, name)
            .getResultList();
    return rows.stream().map(McpStore::server).findFirst();
  }

  /** The tools of the tenant's servers by server, each with its policy. */
  @Transactional
  @InTenant
  public Map<UUID, List<StoredTool>> tools(@TenantId UUID tenantId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select t.server_id, t.name, t.description, t.input_schema, p.policy"
                    + " from mcp_tool t left join mcp_tool_policy p"
                    + " on p.server_id = t.server_id and p.tool_name = t.name"
                    + " order by t.server_id, t.name")
            .getResultList();
    Map<UUID, List<StoredTool>> tools = new LinkedHashMap<>();
    for (Object[] row : rows) {
      StoredTool tool =
          new StoredTool(
              uuid(row[0]),
              (String) row[1],
              (String) row[2],
              (String) row[3],
              row[4] == null ? McpToolPolicy.ALLOWED : McpToolPolicy.valueOf((String) row[4]));
      tools.computeIfAbsent(tool.serverId(), id -> new ArrayList<>()).add(tool);
    }
    return tools;
  }

  @Transactional
  @InTenant
  public void insert(@TenantId UUID tenantId, Server server) {
    StdioCommand command = server.command();
    OAuth oauth = server.oauth();
    entityManager
        .createNativeQuery(
            "insert into mcp_server (id, tenant_id, name, url, sealed_token, created_at,"
                + " transport, command, command_args, command_folder, oauth_token_url,"
                + " oauth_client_id, sealed_client_secret, oauth_scope)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
        .setParameter(1, server.id())
        .setParameter(2, tenantId)
        .setParameter(3, server.name())
        .setParameter(4, server.url())
        .setParameter(5, server.sealedToken())
        .setParameter(6, Timestamp.from(server.createdAt()))
        .setParameter(7, command == null ? "HTTP" : "STDIO")
        .setParameter(8, command == null ? null : command.executable())
        .setParameter(9, command == null ? null : json(command.args()))
        .setParameter(10, command == null ? null : command.folder())
        .setParameter(11, oauth == null ? null : oauth.tokenUrl())
        .setParameter(12, oauth == null ? null : oauth.clientId())
        .setParameter(13, oauth == null ? null : oauth.sealedClientSecret())
        .setParameter(14, oauth == null ? null : oauth.scope())
        .executeUpdate();
  }

  /** Replaces the server's listed tools; the policies stay. */
  @Transactional
  @InTenant
  public void replaceTools(@TenantId UUID tenantId, UUID serverId, List<StoredTool> tools) {
    entityManager
        .createNativeQuery("delete from mcp_tool where server_id = ?1")
        .setParameter(1, serverId)
        .executeUpdate();
    for (StoredTool tool : tools) {
      entityManager
          .createNativeQuery(
              "insert into mcp_tool (tenant_id, server_id, name, description, input_schema)"
                  + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
          .setParameter(1, tenantId)
          .setParameter(2, serverId)
          .setParameter(3, tool.name())
          .setParameter(4, tool.description())
          .setParameter(5, tool.inputSchema())
          .executeUpdate();
    }
  }

  @Transactional
  @InTenant
  public boolean delete(@TenantId UUID tenantId, UUID serverId) {
    return entityManager
            .createNativeQuery("delete from mcp_server where id = ?1")
            .setParameter(1, serverId)
            .executeUpdate()
        > 0;
  }

  @Transactional
  @InTenant
  public void setPolicy(@TenantId UUID tenantId, UUID serverId, String tool, McpToolPolicy policy) {
    entityManager
        .createNativeQuery(
            "insert into mcp_tool_policy (tenant_id, server_id, tool_name, policy)"
                + " values (?1, ?2, ?3, ?4)"
                + " on conflict (server_id, tool_name) do update set policy = excluded.policy")
        .setParameter(1, tenantId)
        .setParameter(2, serverId)
        .setParameter(3, tool)
        .setParameter(4, policy.name())
        .executeUpdate();
  }

  private static Server server(Object[] row) {
    return new Server(
        uuid(row[0]),
        (String) row[1],
        (String) row[2],
        (String) row[3],
        instant(row[4]),
        row[5] == null
            ? null
            : new StdioCommand((String) row[5], args((String) row[6]), (String) row[7]),
        row[8] == null
            ? null
            : new OAuth((String) row[8], (String) row[9], (String) row[10], (String) row[11]));
  }

  private static String json(List<String> args) {
    try {
      return JSON.writeValueAsString(args);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is always JSON", e);
    }
  }

  private static List<String> args(String json) {
    try {
      return List.of(JSON.readValue(json, String[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the stored arguments are not a JSON list of strings", e);
    }
  }

  private static UUID uuid(Object value) {
    return value instanceof UUID id ? id : UUID.fromString(String.valueOf(value));
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    return (Instant) value;
  }
}
