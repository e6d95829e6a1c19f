package io.protohive.rest.plugin;

import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.plugin.PluginCatalog.TenantPlugin;
import io.protohive.kernel.plugin.PluginInspectionView;
import io.protohive.kernel.plugin.PluginInstaller;
import io.protohive.kernel.plugin.PluginInstaller.PendingUpdate;
import io.protohive.kernel.plugin.PluginInstaller.UploadOutcome;
import io.protohive.kernel.plugin.PluginView;
import io.protohive.rest.PageResponse;
import io.protohive.rest.auth.SignedIn;
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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Installed plugins: every user sees them with their tenant's enablement; platform admins inspect,
 * upload, replace, stop, start and remove them, and decide on updates held because they declare
 * more capabilities.
 */
@Path("plugins")
@Tag(name = "Plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

  @Inject PluginCatalog catalog;
  @Inject PluginInstaller installer;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  @GET
  @Operation(
      summary =
          "Installed plugins by id, in pages, each with whether the caller's tenant enabled it")
  public PageResponse<TenantPlugin> plugins(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(catalog.forTenant(signedIn.caller(), limit, cursor));
  }

  @GET
  @Path("{pluginId}")
  @Operation(summary = "One installed plugin, with whether the caller's tenant enabled it")
  public TenantPlugin plugin(@PathParam("pluginId") String pluginId) {
    return catalog.forTenant(signedIn.caller()).stream()
        .filter(p -> p.id().equals(pluginId))
        .findFirst()
        .orElseThrow(
            () -> Rejection.of(Rejection.Kind.NOT_FOUND, "No plugin with this id is installed."));
  }

  @POST
  @Path("inspections")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "What a plugin jar is and declares, without installing it",
      description =
          "Multipart form with the bundle jar as the part named file. Answers its id, version,"
              + " publisher, signature verdict and declared capabilities, and for an update what"
              + " it adds to the capabilities its plugin was accepted with (needsApproval)."
              + " Nothing is installed or stored. A jar an install would refuse is refused"
              + " here with the reason.")
  public PluginInspectionView inspect(@FormParam("file") EntityPart file) {
    return installer.inspect(signedIn.caller(), required(file).getContent());
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Install or replace a plugin on every node",
      description =
          "Multipart form with the signed bundle jar as the part named file. A jar whose plugin"
              + " is installed already replaces it; running calls of the old version are"
              + " cancelled. An update that declares capabilities beyond those its plugin was"
              + " accepted with is held instead (202 with the pending update) until a platform"
              + " admin approves it. Unsigned, tampered, untrusted and incompatible jars are"
              + " refused with the reason.")
  public Response upload(@FormParam("file") EntityPart file) {
    UploadOutcome outcome =
        installer.upload(signedIn.caller(), required(file).getContent(), request.getRemoteAddr());
    if (outcome.held() != null) {
      return Response.accepted(outcome.held()).location(updateUri(outcome.held().id())).build();
    }
    PluginView plugin = outcome.installed();
    return Response.created(uri.getAbsolutePathBuilder().path(plugin.id()).build())
        .entity(plugin)
        .build();
  }

  @GET
  @Path("updates")
  @Operation(
      summary = "Updates held because they declare more capabilities, oldest first",
      description = "Uploaded jars and jars dropped into a node's plugins folder alike.")
  public PageResponse<PendingUpdate> updates(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        installer.pendingUpdates(signedIn.caller()),
        update -> update.id().toString(),
        limit,
        cursor);
  }

  @GET
  @Path("updates/{updateId}")
  @Operation(summary = "One held update")
  public PendingUpdate update(@PathParam("updateId") UUID updateId) {
    return installer.pendingUpdate(signedIn.caller(), updateId);
  }

  @POST
  @Path("updates/{updateId}/approve")
  @Operation(
      summary = "Approve a held update's capabilities and install it",
      description =
          "An uploaded jar installs on every node (200 with the plugin); a jar in a plugins"
              + " folder installs on the node whose folder holds it (204).")
  public Response approve(@PathParam("updateId") UUID updateId) {
    return installer
        .approve(signedIn.caller(), updateId, request.getRemoteAddr())
        .map(plugin -> Response.ok(plugin).build())
        .orElseGet(() -> Response.noContent().build());
  }

  @DELETE
  @Path("updates/{updateId}")
  @Operation(
      summary = "Reject a held update",
      description =
          "The running version stays. A rejected jar in a plugins folder stays held there until"
              + " it is deleted.")
  public Response reject(@PathParam("updateId") UUID updateId) {
    installer.reject(signedIn.caller(), updateId, request.getRemoteAddr());
    return Response.noContent().build();
  }

  private URI updateUri(UUID updateId) {
    return uri.getBaseUriBuilder().path("plugins/updates").path(updateId.toString()).build();
  }

  private static EntityPart required(EntityPart file) {
    if (file == null) {
      throw Rejection.invalid("file", "Attach the plugin jar as the part named file.");
    }
    return file;
  }

  @DELETE
  @Path("{pluginId}")
  @Operation(summary = "Remove an uploaded plugin from every node")
  public Response remove(@PathParam("pluginId") String pluginId) {
    installer.remove(signedIn.caller(), pluginId, request.getRemoteAddr());
    return Response.noContent().build();
  }

  @POST
  @Path("{pluginId}/stop")
  @Operation(summary = "Stop a plugin on every node, cancelling its running calls")
  public PluginView stop(@PathParam("pluginId") String pluginId) {
    return installer.setActive(signedIn.caller(), pluginId, false, request.getRemoteAddr());
  }

  @POST
  @Path("{pluginId}/start")
  @Operation(summary = "Start a stopped plugin again on every node")
  public PluginView start(@PathParam("pluginId") String pluginId) {
    return installer.setActive(signedIn.caller(), pluginId, true, request.getRemoteAddr());
  }
}
