package io.protohive.rest.plugin;

import io.protohive.kernel.idempotency.IdempotencyKeys;
import io.protohive.kernel.plugin.DirectToolCalls;
import io.protohive.kernel.plugin.ToolService;
import io.protohive.kernel.plugin.ToolService.AvailableTool;
import io.protohive.kernel.plugin.ToolService.ToolInvocation;
import io.protohive.rest.Idempotent;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tools of the plugins the caller's tenant enabled, and calling them. */
@Path("tools")
@Tag(name = "Plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ToolResource {

  @Inject ToolService tools;
  @Inject DirectToolCalls directCalls;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;

  /**
   * A call of a tool.
   *
   * @param arguments the arguments, as the tool's parameters schema describes them
   * @param organizationId the organization the call is for, which the caller belongs to
   */
  public record Invocation(Map<String, Object> arguments, UUID organizationId) {}

  @GET
  @Operation(summary = "The tools available to the caller's tenant")
  public PageResponse<AvailableTool> available(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(tools.available(signedIn.caller()), AvailableTool::id, limit, cursor);
  }

  @POST
  @Path("{toolId}/invocations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Call a tool for an organization you belong to",
      description =
          "Answers 200 however the call ended: status says whether the tool answered (OK),"
              + " reported an error (TOOL_ERROR), failed, timed out, was busy or was cancelled."
              + " A tool that waits for approval when an agent calls it (consequential, or held"
              + " by the tenant's admins) may be called only by the organization's admins and"
              + " owners. Every call is audited.")
  @Idempotent
  @Parameter(ref = IdempotencyKeys.HEADER)
  public ToolInvocation invoke(@PathParam("toolId") String toolId, Invocation body) {
    Invocation invocation = RequestBodies.require(body);
    return directCalls.invoke(
        signedIn.caller(),
        toolId,
        invocation.arguments(),
        invocation.organizationId(),
        request.getRemoteAddr());
  }
}
