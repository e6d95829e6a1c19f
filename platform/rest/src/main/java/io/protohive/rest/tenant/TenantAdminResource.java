package io.protohive.rest.tenant;

import io.protohive.kernel.audit.AuditEntry;
import io.protohive.kernel.audit.AuditFilter;
import io.protohive.kernel.audit.AuditVerification;
import io.protohive.kernel.idempotency.IdempotencyKeys;
import io.protohive.kernel.identity.AuditTrail;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.TenantAdministration;
import io.protohive.kernel.identity.TenantAdministration.UserSummary;
import io.protohive.kernel.mcp.McpOAuthClient;
import io.protohive.kernel.mcp.McpServerView;
import io.protohive.kernel.mcp.McpServers;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.plugin.PluginCatalog.PluginSettings;
import io.protohive.kernel.plugin.ToolApprovals;
import io.protohive.kernel.privacy.Erasure;
import io.protohive.kernel.privacy.ErasureReport;
import io.protohive.kernel.privacy.FieldKeyRotation;
import io.protohive.kernel.privacy.FieldKeyRotation.FieldKeysView;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import io.protohive.rest.Idempotent;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.audit.AuditExport;
import io.protohive.rest.audit.AuditQuery;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administration of the caller's tenant, for its admins. */
@Path("tenant")
@Tag(name = "Tenant administration")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantAdminResource {

  @Inject TenantAdministration administration;
  @Inject AuditTrail auditTrail;
  @Inject PluginCatalog plugins;
  @Inject ToolApprovals approvals;
  @Inject TenantsConfigItems items;
  @Inject McpServers mcpServers;
  @Inject Erasure erasure;
  @Inject FieldKeyRotation keyRotation;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;

  /** A change to a user's account. */
  public record UserChange(Boolean disabled) {}

  @GET
  @Path("users")
  @Operation(summary = "The tenant's users, in the order they joined, in pages")
  public PageResponse<UserSummary> users(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(administration.users(signedIn.caller(), limit, cursor));
  }

  /** Whom to invite. */
  public record Invitation(String email) {}

  @POST
  @Path("users")
  @Operation(summary = "Invite a person: creates the account and mails a link to choose a password")
  @Idempotent
  @Parameter(ref = IdempotencyKeys.HEADER)
  public Response invite(Invitation body) {
    UserSummary invited =
        administration.invite(
            signedIn.caller(), RequestBodies.require(body).email(), request.getRemoteAddr());
    return Response.status(Response.Status.CREATED).entity(invited).build();
  }

  @PATCH
  @Path("users/{userId}")
  @Operation(summary = "Disable or enable a user; disabling ends the user's sessions")
  public UserSummary change(@PathParam("userId") UUID userId, UserChange body) {
    UserChange given = RequestBodies.require(body);
    return administration.setDisabled(
        signedIn.caller(), userId, given.disabled(), request.getRemoteAddr());
  }

  @DELETE
  @Path("users/{userId}")
  @Operation(
      summary = "Erase a user's account and personal data",
      description =
          "Refused (409) for the last owner of an organization and for a tenant admin named in"
              + " tenants-config. Their messages stay, written by \"deleted user\"; the answer"
              + " counts what went.")
  public ErasureReport erase(@PathParam("userId") UUID userId) {
    return erasure.eraseUser(signedIn.caller(), userId, request.getRemoteAddr());
  }

  /**
   * A change to a plugin's settings for the tenant.
   *
   * @param enabled the new state, or absent to keep it
   * @param config the settings: plain values replace the stored ones; a secret is set by a value,
   *     cleared by null, kept when absent
   * @param allowCode true to allow a plugin that runs code agents write; needed to enable one
   */
  public record PluginChange(Boolean enabled, Map<String, String> config, Boolean allowCode) {}

  @GET
  @Path("plugins/{pluginId}")
  @Operation(
      summary = "A plugin's settings for the tenant",
      description = "Secrets are never returned: secretsSet names the ones that have a value.")
  public PluginSettings pluginSettings(@PathParam("pluginId") String pluginId) {
    return plugins.settings(signedIn.caller(), pluginId);
  }

  @PUT
  @Path("plugins/{pluginId}")
  @Operation(summary = "Switch an installed plugin on or off for the tenant and configure it")
  public PluginSettings configurePlugin(@PathParam("pluginId") String pluginId, PluginChange body) {
    PluginChange change = RequestBodies.require(body);
    return plugins.configure(
        signedIn.caller(),
        pluginId,
        change.enabled(),
        change.config(),
        Boolean.TRUE.equals(change.allowCode()),
        request.getRemoteAddr());
  }

  @GET
  @Path("audit")
  @Operation(
      summary = "The tenant's audit trail, newest first, in pages",
      description =
          "Every API request (API_READ, API_CHANGE), every page opened in the UI (UI_VIEW) and"
              + " every audited action. Filters: actor (a"
              + " user id), action, target (the id a request was about, or an action's subject),"
              + " from and to (ISO-8601 times, to excluded).")
  public PageResponse<AuditEntry> audit(
      @BeanParam AuditQuery query,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        auditTrail.ofTenant(signedIn.caller(), query.filter(), PageRequest.of(limit, cursor)));
  }

  @GET
  @Path("audit/export")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The tenant's audit trail as a file, newest first",
      description = "format=csv (the default) or json; the audit page's filters apply.")
  public Response exportAudit(
      @BeanParam AuditQuery query, @QueryParam("format") @DefaultValue("csv") String format) {
    Caller caller = signedIn.caller();
    AuditFilter filter = query.filter();
    return AuditExport.of(
        format,
        cursor -> auditTrail.ofTenant(caller, filter, PageRequest.of(Page.MAX_LIMIT, cursor)));
  }

  @GET
  @Path("audit/verification")
  @Operation(
      summary = "Recompute the tenant's audit chain",
      description =
          "Names the first entry that was changed, removed or inserted behind the platform's"
              + " back; headHash, kept elsewhere, shows a chain rewritten whole.")
  public AuditVerification verifyAudit() {
    return auditTrail.verifyTenant(signedIn.caller());
  }

  @GET
  @Path("field-keys")
  @Operation(
      summary = "The tenant's field keys",
      description =
          "Message contents, conversation summaries and agents' memories are sealed with them"
              + " (AES-256-GCM). keyId seals now; keys still open; behind counts the values not"
              + " yet resealed with keyId.")
  public FieldKeysView fieldKeys() {
    return keyRotation.status(signedIn.caller());
  }

  @POST
  @Path("field-keys/rotations")
  @Operation(
      summary = "Rotate the tenant's field keys",
      description =
          "A new key seals from now on; a background job reseals every value sealed before, then"
              + " retires the older keys (FIELD_KEYS_RETIRED in the audit trail). Nothing stops"
              + " meanwhile: every key opens what it sealed until it is retired.")
  public Response rotateFieldKeys() {
    return Response.accepted(keyRotation.rotate(signedIn.caller(), request.getRemoteAddr()))
        .build();
  }

  /**
   * The tools whose calls in agents' task work wait for a person's approval.
   *
   * @param managed in answers: whether the tenant's tenants-config file sets them, so a change here
   *     is refused; ignored in requests
   */
  public record ApprovalTools(List<String> toolIds, Boolean managed) {}

  @GET
  @Path("approval-tools")
  @Operation(
      summary = "Tools held for approval",
      description =
          "Besides these, tools their plugins declare consequential are always held. In"
              + " conversations, where no one approves, agents are not offered held tools.")
  public ApprovalTools approvalTools() {
    Caller caller = signedIn.caller();
    return new ApprovalTools(approvals.held(caller), managedApprovalTools(caller));
  }

  @PUT
  @Path("approval-tools")
  @Operation(summary = "Replace the tools held for approval; tenant admins only")
  public ApprovalTools replaceApprovalTools(ApprovalTools body) {
    Caller caller = signedIn.caller();
    return new ApprovalTools(
        approvals.replace(caller, RequestBodies.require(body).toolIds(), request.getRemoteAddr()),
        managedApprovalTools(caller));
  }

  private boolean managedApprovalTools(Caller caller) {
    return items.isManaged(caller.tenantId(), TenantsConfigItems.APPROVAL_TOOLS);
  }

  /**
   * An MCP server to register; the token, when given, is sent as a bearer token. Instead of a
   * token, an OAuth client may be given: the platform then gets an access token with the client
   * credentials grant and sends that.
   */
  public record McpServerRegistration(
      String name, String url, String token, McpOAuthClient oauth) {}

  /**
   * Whether agents are offered a tool: ALLOWED, ASK_FIRST (in task work only, each call after a
   * person's approval) or OFF.
   */
  public record McpToolPolicyChange(String policy) {}

  @GET
  @Path("mcp-servers")
  @Operation(summary = "The tenant's MCP servers and their tools")
  public List<McpServerView> mcpServers() {
    return mcpServers.list(signedIn.caller());
  }

  @POST
  @Path("mcp-servers")
  @Operation(
      summary =
          "Register an MCP server reached over streamable HTTP, with a bearer token or an OAuth"
              + " client (client credentials grant); its tools are listed at once and offered to"
              + " the agents whose tools name them, as mcp.<server>.<tool>")
  public Response registerMcpServer(McpServerRegistration body) {
    McpServerRegistration given = RequestBodies.require(body);
    McpServerView registered =
        mcpServers.register(
            signedIn.caller(),
            given.name(),
            given.url(),
            given.token(),
            given.oauth(),
            request.getRemoteAddr());
    return Response.status(Response.Status.CREATED).entity(registered).build();
  }

  @POST
  @Path("mcp-servers/{id}/refresh")
  @Operation(summary = "List an MCP server's tools again")
  public McpServerView refreshMcpServer(@PathParam("id") UUID id) {
    return mcpServers.refresh(signedIn.caller(), id, request.getRemoteAddr());
  }

  @DELETE
  @Path("mcp-servers/{id}")
  @Operation(summary = "Remove an MCP server; agents are no longer offered its tools")
  public Response removeMcpServer(@PathParam("id") UUID id) {
    mcpServers.delete(signedIn.caller(), id, request.getRemoteAddr());
    return Response.noContent().build();
  }

  @PUT
  @Path("mcp-servers/{id}/tools/{tool}")
  @Operation(
      summary = "Set whether agents are offered one of an MCP server's tools",
      description =
          "ALLOWED tools are offered to the agents that have them; ASK_FIRST tools only in task"
              + " work, where each call waits for a person's approval; OFF tools to none.")
  public McpServerView setMcpToolPolicy(
      @PathParam("id") UUID id, @PathParam("tool") String tool, McpToolPolicyChange body) {
    return mcpServers.setPolicy(
        signedIn.caller(), id, tool, RequestBodies.require(body).policy(), request.getRemoteAddr());
  }
}
