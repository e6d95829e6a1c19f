package io.protohive.rest.platform;

import io.protohive.kernel.idempotency.IdempotencyKeys;
import io.protohive.kernel.mcp.McpServerView;
import io.protohive.kernel.mcp.McpServers;
import io.protohive.kernel.provisioning.PlatformTenants;
import io.protohive.kernel.provisioning.TenantDraft;
import io.protohive.kernel.provisioning.TenantView;
import io.protohive.rest.Idempotent;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's tenants, for platform admins; those from tenants-config are read-only here. */
@Path("platform/tenants")
@Tag(name = "Platform administration")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

  @Inject PlatformTenants tenants;
  @Inject McpServers mcpServers;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "Every tenant, oldest first")
  public PageResponse<TenantView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(tenants.list(signedIn.caller(), limit, cursor));
  }

  @POST
  @Operation(
      summary = "Create a tenant",
      description =
          "Takes slug and name, and optionally selfSignup, emailVerification,"
              + " allowedEmailDomains, admins (emails), disabled, fileQuotaBytes (at least 1) and"
              + " fileStore (disk, or s3 where the platform has an object store); without the"
              + " last two the platform's defaults hold.")
  @Idempotent
  @Parameter(ref = IdempotencyKeys.HEADER)
  public Response create(TenantDraft body) {
    TenantView created =
        tenants.create(signedIn.caller(), RequestBodies.require(body), request.getRemoteAddr());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{tenantId}")
  @Operation(summary = "A tenant, with the bytes its files take (fileBytesUsed)")
  public TenantView get(@PathParam("tenantId") UUID tenantId) {
    return tenants.get(signedIn.caller(), tenantId);
  }

  @PATCH
  @Path("{tenantId}")
  @Operation(
      summary =
          "Rename, disable or enable a tenant, name its admins, set its sign-up rules and its"
              + " files' quota and store",
      description =
          "Absent fields are kept. A disabled tenant's people cannot sign in or refresh their"
              + " sessions, and its sign-up is closed. clearFileQuota and clearFileStore give the"
              + " tenant the platform's defaults again. Tenants from tenants-config answer 409.")
  public TenantView change(@PathParam("tenantId") UUID tenantId, TenantDraft body) {
    return tenants.change(
        signedIn.caller(), tenantId, RequestBodies.require(body), request.getRemoteAddr());
  }

  @DELETE
  @Path("{tenantId}")
  @Operation(
      summary = "Delete a disabled tenant and everything of it",
      description =
          "confirm is the tenant's slug. Its data key is destroyed first, so its files cannot be"
              + " read again wherever their bytes lie, then every row of it goes: people,"
              + " organizations, agents, conversations, tasks, files and its audit trail. An"
              + " enabled tenant, or one from tenants-config, answers 409.")
  public Response delete(
      @PathParam("tenantId") UUID tenantId, @QueryParam("confirm") String confirm) {
    tenants.delete(signedIn.caller(), tenantId, confirm, request.getRemoteAddr());
    return Response.noContent().build();
  }

  /**
   * An MCP server that runs as a command: the absolute path of its executable, its arguments, and
   * the folder it is installed in (by default the executable's).
   */
  public record McpCommandRegistration(
      String name, String command, List<String> args, String folder) {}

  @POST
  @Path("{tenantId}/mcp-servers")
  @Operation(
      summary = "Register for a tenant an MCP server that runs as a command",
      description =
          "Takes name, command (an absolute path), args and optionally folder. The server runs in"
              + " the sandbox code runs in: no network, its folder and the system's /usr"
              + " read-only, limited memory and processes. Its tools are listed at once and"
              + " offered to the tenant's agents; the tenant's admins see, turn off and remove it"
              + " like their own servers. Where no sandbox can be made it is refused.")
  public Response registerMcpServer(
      @PathParam("tenantId") UUID tenantId, McpCommandRegistration body) {
    McpCommandRegistration given = RequestBodies.require(body);
    McpServerView registered =
        mcpServers.registerCommand(
            signedIn.caller(),
            tenantId,
            given.name(),
            given.command(),
            given.args(),
            given.folder(),
            request.getRemoteAddr());
    return Response.status(Response.Status.CREATED).entity(registered).build();
  }
}
