package io.protohive.kernel.tenancy;

import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What a tenant's tenants-config file manages. Its admins see a managed item read-only: a change
 * through the API or the UI is refused, since the next application of the file would undo it.
 */
@ApplicationScoped
public class TenantsConfigItems {

  public static final String LLM_ROUTE = "llm-route";
  public static final String APPROVAL_TOOLS = "approval-tools";
  public static final String TENANT_BUDGET = "budget:TENANT";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  public static String plugin(String pluginId) {
    return "plugin:" + pluginId;
  }

  /** The items the tenant's file manages; none outside a tenant. */
  @Transactional
  @InTenant
  public Set<String> managed(@TenantId UUID tenantId) {
    if (tenantId == null) {
      return Set.of();
    }
    return new HashSet<String>(
        entityManager.createNativeQuery("select item from tenants_config_item").getResultList());
  }

  @Transactional
  @InTenant
  public boolean isManaged(@TenantId UUID tenantId, String item) {
    return managed(tenantId).contains(item);
  }

  /**
   * @param what names the item for the person refused, such as "The model route"
   * @throws Rejection a conflict, when the tenant's file manages the item
   */
  @Transactional
  @InTenant
  public void requireUnmanaged(@TenantId UUID tenantId, String item, String what) {
    if (isManaged(tenantId, item)) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          what + " is managed by tenants-config; change it in the tenant's file there.");
    }
  }

  /** Makes the managed items those given; what is no longer managed keeps its values. */
  @Transactional(Transactional.TxType.MANDATORY)
  @InTenant
  public void replace(@TenantId UUID tenantId, Set<String> items) {
    entityManager.createNativeQuery("delete from tenants_config_item").executeUpdate();
    for (String item : items) {
      entityManager
          .createNativeQuery("insert into tenants_config_item (tenant_id, item) values (?1, ?2)")
          .setParameter(1, tenantId)
          .setParameter(2, item)
          .executeUpdate();
    }
  }
}
