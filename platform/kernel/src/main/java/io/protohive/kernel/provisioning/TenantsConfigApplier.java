package io.protohive.kernel.provisioning;

import io.protohive.kernel.llm.Budgets;
import io.protohive.kernel.llm.LlmRoutes;
import io.protohive.kernel.organization.OrganizationTemplates;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.plugin.ToolApprovals;
import io.protohive.kernel.secret.SecretBox;
import io.protohive.kernel.tenancy.OidcClientSecrets;
import io.protohive.kernel.tenancy.OidcProvider;
import io.protohive.kernel.tenancy.Tenant;
import io.protohive.kernel.tenancy.TenantFileSpace;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import io.protohive.pluginhost.PluginHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Makes the database's tenants match their declarations, all of them in one transaction: a file
 * that cannot be applied leaves every tenant as it was. Applying twice changes nothing.
 */
@ApplicationScoped
public class TenantsConfigApplier {

  private static final Logger LOG = Logger.getLogger(TenantsConfigApplier.class.getName());

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject PluginHost pluginHost;
  @Inject SecretBox secrets;
  @Inject TenantsConfigItems items;
  @Inject PluginCatalog plugins;
  @Inject LlmRoutes routes;
  @Inject Budgets budgets;
  @Inject ToolApprovals approvals;
  @Inject OrganizationTemplates templates;
  @Inject TenantFileSpace files;

  Clock clock = Clock.systemUTC();
  Function<String, String> environment = System::getenv;

  /**
   * Creates missing tenants and updates changed ones, with what their files manage. Tenants no file
   * declares are kept.
   *
   * @throws InvalidTenantsConfigException naming the file, line and field that cannot be applied
   */
  @Transactional(rollbackOn = InvalidTenantsConfigException.class)
  @AsPlatform
  public void apply(List<TenantDefinition> definitions) throws InvalidTenantsConfigException {
    // every file is checked before anything is written
    TenantsConfigCheck check =
        new TenantsConfigCheck(InstalledPlugins.of(pluginHost), environment, files.stores());
    Map<TenantDefinition, Map<String, Map<String, String>>> settings = new LinkedHashMap<>();
    Map<TenantDefinition, Map<String, String>> clientSecrets = new LinkedHashMap<>();
    for (TenantDefinition definition : definitions) {
      settings.put(definition, check.check(definition));
      clientSecrets.put(definition, check.clientSecrets(definition));
    }
    Instant now = clock.instant();
    for (TenantDefinition definition : definitions) {
      Tenant tenant = tenant(definition, clientSecrets.get(definition), now);
      applyDeclared(tenant, definition, settings.get(definition));
    }
  }

  private Tenant tenant(
      TenantDefinition definition, Map<String, String> clientSecrets, Instant now) {
    OidcClientSecrets sealer = new OidcClientSecrets(secrets);
    List<Tenant> existing =
        entityManager
            .createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
            .setParameter("slug", definition.slug())
            .getResultList();
    if (existing.isEmpty()) {
      Tenant tenant = new Tenant(definition.slug(), Tenant.Origin.CONFIG, now);
      takeOver(
          tenant,
          definition,
          sealer.seal(tenant.id(), unsealed(definition), clientSecrets, List.of()),
          now);
      entityManager.persist(tenant);
      // what the file manages refers to the tenant by id only, so write the tenant first
      entityManager.flush();
      LOG.info(() -> "Tenant '" + definition.slug() + "' created from tenants-config");
      return tenant;
    }
    Tenant tenant = existing.get(0);
    List<OidcProvider> providers =
        sealer.seal(tenant.id(), unsealed(definition), clientSecrets, tenant.oidcProviders());
    if (takeOver(tenant, definition, providers, now)) {
      LOG.info(() -> "Tenant '" + definition.slug() + "' updated from tenants-config");
    }
    return tenant;
  }

  private static boolean takeOver(
      Tenant tenant, TenantDefinition definition, List<OidcProvider> providers, Instant now) {
    return tenant.apply(
        definition.name(),
        definition.allowedEmailDomains(),
        definition.selfSignup(),
        definition.emailVerification(),
        definition.admins(),
        definition.rateLimits(),
        definition.files(),
        definition.routineMinIntervalMinutes(),
        definition.retention(),
        providers,
        now);
  }

  /** The declared providers, their client secrets still to be sealed. */
  private static List<OidcProvider> unsealed(TenantDefinition definition) {
    return definition.oidcProviders().stream()
        .map(p -> new OidcProvider(p.id(), p.name(), p.issuer(), p.clientId(), null))
        .toList();
  }

  private void applyDeclared(
      Tenant tenant, TenantDefinition definition, Map<String, Map<String, String>> settings)
      throws InvalidTenantsConfigException {
    TenantsConfigFile file = definition.file();
    DeclaredSettings declared = definition.declared();
    Set<String> managed = new LinkedHashSet<>();
    for (Map.Entry<String, DeclaredPlugin> plugin : declared.plugins().entrySet()) {
      String pluginId = plugin.getKey();
      String field = "plugins." + pluginId;
      try {
        plugins.applyDeclared(
            tenant.id(), pluginId, plugin.getValue().enabled(), settings.get(pluginId));
      } catch (Rejection refused) {
        throw file.invalid(
            refused.field().map(f -> field + "." + f).orElse(field), refused.getMessage());
      }
      managed.add(TenantsConfigItems.plugin(pluginId));
    }
    if (!declared.route().isEmpty()) {
      try {
        routes.applyDeclared(tenant.id(), declared.route());
      } catch (Rejection refused) {
        throw file.invalid("llm.route", refused.getMessage());
      }
      managed.add(TenantsConfigItems.LLM_ROUTE);
    }
    if (declared.tenantBudget().isPresent()) {
      DeclaredBudget budget = declared.tenantBudget().get();
      budgets.applyDeclared(
          tenant.id(), Budgets.Unit.valueOf(budget.unit()), budget.amount(), budget.softPercent());
      managed.add(TenantsConfigItems.TENANT_BUDGET);
    }
    if (declared.approvalTools().isPresent()) {
      try {
        approvals.applyDeclared(tenant.id(), declared.approvalTools().get());
      } catch (Rejection refused) {
        throw file.invalid("approvalTools", refused.getMessage());
      }
      managed.add(TenantsConfigItems.APPROVAL_TOOLS);
    }
    templates.applyDeclared(tenant.id(), declared.organizationTemplates());
    if (!managed.equals(items.managed(tenant.id()))) {
      items.replace(tenant.id(), managed);
    }
  }
}
