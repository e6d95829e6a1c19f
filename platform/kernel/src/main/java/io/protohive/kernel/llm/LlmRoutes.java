package io.protohive.kernel.llm;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.cluster.ClusterCaches;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import io.protohive.plugin.api.Configuration;
import io.protohive.pluginhost.PluginHost;
import io.protohive.pluginhost.PluginProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Each tenant's route: the provider/model pairs its model calls try, in order. Only providers of
 * plugins the tenant switched on may appear in it. What a call needs of it (the steps, each with
 * its provider and the tenant's settings of it) is kept in {@link ClusterCaches}: dropped on every
 * node when the route or the tenant's plugin settings change, and read again when this node's
 * plugins changed.
 */
@ApplicationScoped
public class LlmRoutes {

  static final int MAX_STEPS = 5;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject PluginHost pluginHost;
  @Inject PluginCatalog catalog;
  @Inject Authorization authorization;
  @Inject AuditLog audit;
  @Inject TenantsConfigItems items;
  @Inject ClusterCaches caches;

  @Transactional
  @InTenant
  public List<RouteStep> forTenant(@TenantId UUID tenantId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select provider_id, model from llm_route_step order by position")
            .getResultList();
    return rows.stream().map(r -> new RouteStep((String) r[0], (String) r[1])).toList();
  }

  /** The caller's tenant's route; tenant admins only. */
  @Transactional
  @InTenant
  public List<RouteStep> route(Caller caller) {
    authorization.tenantAdmin(caller);
    return forTenant(caller.tenantId());
  }

  /** Replaces the caller's tenant's route; tenant admins only, unless tenants-config manages it. */
  @Transactional
  @InTenant
  public List<RouteStep> replace(Caller caller, List<RouteStep> steps, String address) {
    authorization.tenantAdmin(caller);
    items.requireUnmanaged(caller.tenantId(), TenantsConfigItems.LLM_ROUTE, "The model route");
    write(caller.tenantId(), steps);
    audit.record(
        caller.tenantId(),
        caller.userId(),
        Action.LLM_ROUTE_CHANGED,
        steps.stream().map(s -> s.providerId() + "/" + s.model()).toList().toString(),
        address);
    return forTenant(caller.tenantId());
  }

  /**
   * Makes a tenant's route the one its tenants-config file declares. The caller brings the
   * transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @InTenant
  public void applyDeclared(@TenantId UUID tenantId, List<RouteStep> steps) {
    if (!forTenant(tenantId).equals(steps)) {
      write(tenantId, steps);
    }
  }

  private void write(UUID tenantId, List<RouteStep> steps) {
    if (steps == null || steps.isEmpty() || steps.size() > MAX_STEPS) {
      throw Rejection.invalid("steps", "Give one to five provider/model pairs, primary first.");
    }
    Set<String> enabled = catalog.enabledPlugins(tenantId);
    for (int i = 0; i < steps.size(); i++) {
      RouteStep step = steps.get(i);
      if (step == null || step.model() == null || step.model().isBlank()) {
        throw Rejection.invalid("steps[" + i + "].model", "Name the model of each step.");
      }
      boolean available =
          pluginHost.providers().stream()
              .anyMatch(
                  p ->
                      p.provider().id().equals(step.providerId())
                          && enabled.contains(p.pluginId()));
      if (!available) {
        throw Rejection.invalid(
            "steps[" + i + "].providerId",
            "No provider '" + step.providerId() + "' is enabled for your tenant.");
      }
    }
    caches.cache(ClusterCaches.LLM_ROUTES).invalidate(tenantId.toString());
    entityManager.createNativeQuery("delete from llm_route_step").executeUpdate();
    for (int i = 0; i < steps.size(); i++) {
      entityManager
          .createNativeQuery(
              "insert into llm_route_step (tenant_id, position, provider_id, model)"
                  + " values (?1, ?2, ?3, ?4)")
          .setParameter(1, tenantId)
          .setParameter(2, i)
          .setParameter(3, steps.get(i).providerId())
          .setParameter(4, steps.get(i).model().strip())
          .executeUpdate();
    }
  }

  /**
   * What a call needs of its tenant, read in one transaction: the tenant's route, and each step's
   * provider with the tenant's configuration of it. The gateway keeps it in {@link ClusterCaches}.
   */
  @Transactional
  @InTenant
  Bound route(@TenantId UUID tenantId) {
    return bind(tenantId, forTenant(tenantId));
  }

  /** Each step's provider with the tenant's configuration of it, where its plugin is on. */
  @Transactional
  @InTenant
  Bound bind(@TenantId UUID tenantId, List<RouteStep> steps) {
    Set<String> enabled = catalog.enabledPlugins(tenantId);
    Map<RouteStep, RouteWalker.BoundStep> bound = new HashMap<>();
    for (RouteStep step : steps) {
      PluginProvider provider =
          pluginHost.providers().stream()
              .filter(p -> p.provider().id().equals(step.providerId()))
              .filter(p -> enabled.contains(p.pluginId()))
              .findFirst()
              .orElse(null);
      if (provider != null) {
        bound.put(
            step,
            new RouteWalker.BoundStep(
                provider,
                catalog
                    .configurationForCall(tenantId, provider.pluginId())
                    .orElse(Configuration.empty())));
      }
    }
    return new Bound(steps, bound);
  }

  /** Steps, and the provider of each whose plugin is installed, active and on for the tenant. */
  record Bound(List<RouteStep> steps, Map<RouteStep, RouteWalker.BoundStep> providers) {

    /** The step's provider, or {@code null} when its plugin is not there or not on. */
    RouteWalker.BoundStep of(RouteStep step) {
      return providers.get(step);
    }
  }
}
