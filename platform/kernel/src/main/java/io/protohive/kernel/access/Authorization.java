package io.protohive.kernel.access;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.PlatformAdmins;
import io.protohive.kernel.identity.TenantAdministration;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.organization.Role;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Where authorization is checked: the kernel's use cases ask here whether a caller may act,
 * whichever door (API, UI, socket) the caller came in by. A door's own guard (a role annotation, a
 * hidden menu) only spares a round trip; it never stands alone. Each question has one answer, kept
 * with the data it reads: the platform's and a tenant's admins with the accounts, an organization's
 * roles with its memberships. Those packages lie below this one, so inside them the keeper of an
 * answer is asked directly.
 */
@ApplicationScoped
public class Authorization {

  @Inject PlatformAdmins platformAdmins;
  @Inject TenantAdministration tenants;
  @Inject OrganizationService organizations;

  /**
   * @throws Rejection unless the caller is an enabled platform admin
   */
  public void platformAdmin(Caller caller) {
    platformAdmins.require(caller);
  }

  /** Whether the caller is an enabled platform admin, for doors that show more to one. */
  public boolean isPlatformAdmin(Caller caller) {
    return platformAdmins.isAdmin(caller);
  }

  /**
   * @throws Rejection unless the caller administers its tenant
   */
  public void tenantAdmin(Caller caller) {
    tenants.requireAdmin(caller);
  }

  /** Whether the caller administers its tenant, for doors that show more to one. */
  public boolean isTenantAdmin(Caller caller) {
    return tenants.isAdmin(caller);
  }

  /**
   * @return the caller's role in the organization
   * @throws Rejection when the caller is no member of a live organization of its tenant (as not
   *     found) or its role does not grant {@code permission}
   */
  public Role organization(Caller caller, UUID organizationId, Permission permission) {
    return organizations.access(caller, organizationId, permission);
  }
}
