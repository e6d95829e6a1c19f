package io.protohive.rest.plugin;

import io.protohive.kernel.identity.token.AccessTokens;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.plugin.PluginCatalog.TenantPlugin;
import io.protohive.kernel.plugin.PluginInstaller;
import io.protohive.pluginhost.PluginDescriptor;
import io.protohive.rest.Callers;
import io.protohive.rest.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Installed plugins: every user sees them with their tenant's enablement; platform admins upload,
 * replace, stop, start and remove them.
 */
@Path("plugins")
@Tag(name = "Plugins")
@RequestScoped
@RolesAllowed(AccessTokens.USER)
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

  @Inject PluginCatalog catalog;
  @Inject PluginInstaller installer;
  @Inject JsonWebToken token;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  @GET
  @Operation(
      summary =
          "Installed plugins by id, in pages, each with whether the caller's tenant enabled it")
  public PageResponse<TenantPlugin> plugins(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(catalog.forTenant(Callers.of(token), limit, cursor));
  }

  @GET
  @Path("{pluginId}")
  @Operation(summary = "One installed plugin, with whether the caller's tenant enabled it")
  public TenantPlugin plugin(@PathParam("pluginId") String pluginId) {
    return catalog.forTenant(Callers.of(token)).stream()
        .filter(p -> p.id().equals(pluginId))
        .findFirst()
        .orElseThrow(
            () -> Rejection.of(Rejection.Kind.NOT_FOUND, "No plugin with this id is installed."));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(AccessTokens.PLATFORM_ADMIN)
  @Operation(
      summary = "Install or replace a plugin on every node",
      description =
          "Multipart form with the signed bundle jar as the part named file. A jar whose plugin"
              + " is installed already replaces it; running calls of the old version are"
              + " cancelled. Unsigned, tampered, untrusted and incompatible jars are refused"
              + " with the reason.")
  public Response upload(@FormParam("file") EntityPart file) {
    if (file == null) {
      throw Rejection.invalid("file", "Attach the plugin jar as the part named file.");
    }
    PluginDescriptor plugin =
        installer.upload(Callers.of(token), file.getContent(), request.getRemoteAddr());
    return Response.created(uri.getAbsolutePathBuilder().path(plugin.id()).build())
        .entity(plugin)
        .build();
  }

  @DELETE
  @Path("{pluginId}")
  @RolesAllowed(AccessTokens.PLATFORM_ADMIN)
  @Operation(summary = "Remove an uploaded plugin from every node")
  public Response remove(@PathParam("pluginId") String pluginId) {
    installer.remove(Callers.of(token), pluginId, request.getRemoteAddr());
    return Response.noContent().build();
  }

  @POST
  @Path("{pluginId}/stop")
  @RolesAllowed(AccessTokens.PLATFORM_ADMIN)
  @Operation(summary = "Stop a plugin on every node, cancelling its running calls")
  public PluginDescriptor stop(@PathParam("pluginId") String pluginId) {
    return installer.setActive(Callers.of(token), pluginId, false, request.getRemoteAddr());
  }

  @POST
  @Path("{pluginId}/start")
  @RolesAllowed(AccessTokens.PLATFORM_ADMIN)
  @Operation(summary = "Start a stopped plugin again on every node")
  public PluginDescriptor start(@PathParam("pluginId") String pluginId) {
    return installer.setActive(Callers.of(token), pluginId, true, request.getRemoteAddr());
  }
}
