package io.protohive.rest.plugin;

import io.protohive.kernel.identity.token.AccessTokens;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.plugin.PluginCatalog.TenantPlugin;
import io.protohive.rest.Callers;
import io.protohive.rest.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Installed plugins, as the caller's tenant sees them. */
@Path("plugins")
@Tag(name = "Plugins")
@RequestScoped
@RolesAllowed(AccessTokens.USER)
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

  @Inject PluginCatalog catalog;
  @Inject JsonWebToken token;

  @GET
  @Operation(summary = "Installed plugins, each with whether the caller's tenant enabled it")
  public PageResponse<TenantPlugin> plugins() {
    return PageResponse.all(catalog.forTenant(Callers.of(token)));
  }
}
