package io.protohive.rest.llm;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.Budgets;
import io.protohive.kernel.llm.Budgets.Budget;
import io.protohive.kernel.llm.LlmRoutes;
import io.protohive.kernel.llm.RouteStep;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's model route and budgets, for its admins. */
@Path("tenant")
@Tag(name = "LLM gateway")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantLlmResource {

  @Inject LlmRoutes routes;
  @Inject Budgets budgets;
  @Inject TenantsConfigItems items;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;

  /**
   * The route: provider/model pairs, primary first, then the fallbacks in order.
   *
   * @param managed in answers: whether the tenant's tenants-config file sets it, so a change here
   *     is refused; ignored in requests
   */
  public record Route(List<RouteStep> steps, Boolean managed) {}

  /**
   * A budget to set.
   *
   * @param scopeId the organization, agent or task; absent for the tenant's own budget
   * @param amount the limit per calendar month, in tokens or in millionths of the currency unit
   * @param softPercent where the warning comes, in percent of the limit (80 when absent)
   */
  public record BudgetChange(
      Budgets.Scope scope, UUID scopeId, Budgets.Unit unit, Long amount, Integer softPercent) {}

  @GET
  @Path("llm-route")
  @Operation(summary = "The tenant's model route")
  public Route route() {
    Caller caller = signedIn.caller();
    return new Route(routes.route(caller), managedRoute(caller));
  }

  @PUT
  @Path("llm-route")
  @Operation(
      summary = "Replace the tenant's model route",
      description =
          "Calls try the steps in order, falling back on timeouts, 429, 5xx and connection errors.")
  public Route replaceRoute(Route body) {
    Caller caller = signedIn.caller();
    return new Route(
        routes.replace(caller, RequestBodies.require(body).steps(), request.getRemoteAddr()),
        managedRoute(caller));
  }

  private boolean managedRoute(Caller caller) {
    return items.isManaged(caller.tenantId(), TenantsConfigItems.LLM_ROUTE);
  }

  @GET
  @Path("budgets")
  @Operation(summary = "The tenant's budgets and what they spent this month")
  public PageResponse<Budget> budgets(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        budgets.list(signedIn.caller()), budget -> budget.id().toString(), limit, cursor);
  }

  @PUT
  @Path("budgets")
  @Operation(summary = "Set a budget of the tenant, an organization, an agent or a task")
  public Budget setBudget(BudgetChange body) {
    BudgetChange change = RequestBodies.require(body);
    return budgets.set(
        signedIn.caller(),
        change.scope(),
        change.scopeId(),
        change.unit(),
        change.amount(),
        change.softPercent(),
        request.getRemoteAddr());
  }

  @POST
  @Path("budgets/{budgetId}/reset")
  @Operation(summary = "Forget what a budget spent this month")
  public Budget resetBudget(@PathParam("budgetId") UUID budgetId) {
    return budgets.reset(signedIn.caller(), budgetId, request.getRemoteAddr());
  }

  @DELETE
  @Path("budgets/{budgetId}")
  @Operation(summary = "Remove a budget")
  public Response removeBudget(@PathParam("budgetId") UUID budgetId) {
    budgets.remove(signedIn.caller(), budgetId, request.getRemoteAddr());
    return Response.noContent().build();
  }
}
