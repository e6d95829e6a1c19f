package io.protohive.rest.system;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.system.SystemInfo;
import io.protohive.kernel.system.SystemInfoService;
import io.protohive.kernel.system.SystemStatus;
import io.protohive.rest.auth.SignedIn;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the platform is and how it runs. */
@Path("system")
@Tag(name = "System")
@RequestScoped
public class SystemResource {

  @Inject SystemInfoService systemInfo;
  @Inject Authorization authorization;
  @Inject SignedIn signedIn;

  @GET
  @Path("info")
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Platform version and status; for platform admins everything about the platform",
      description =
          "Anyone gets {version, status}. Platform admins also get the database mode, schema"
              + " version, installation, tenants, cluster members, plugin bundles and the state of"
              + " tenants-config.")
  @APIResponse(
      responseCode = "200",
      description = "SystemStatus for anyone, SystemInfo for platform admins",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(oneOf = {SystemStatus.class, SystemInfo.class})))
  public Response info() {
    Optional<Caller> caller = signedIn.ifAny().filter(authorization::isPlatformAdmin);
    if (caller.isPresent()) {
      return Response.ok(systemInfo.current(caller.get())).build();
    }
    return Response.ok(systemInfo.status()).build();
  }
}
