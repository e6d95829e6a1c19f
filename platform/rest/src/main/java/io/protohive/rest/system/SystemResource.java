package io.protohive.rest.system;

import io.protohive.kernel.system.SystemInfo;
import io.protohive.kernel.system.SystemInfoService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the platform is and how it runs. */
@Path("system")
@Tag(name = "System")
@RequestScoped
public class SystemResource {

  @Inject SystemInfoService systemInfo;

  @GET
  @Path("info")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Platform version, database mode and plugin counts",
      description = "Read from the database and the running plugin host.")
  public SystemInfo info() {
    return systemInfo.current();
  }
}
