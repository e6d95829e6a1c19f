package io.protohive.kernel.identity;

import io.protohive.kernel.audit.AuditEntry;
import io.protohive.kernel.audit.AuditFilter;
import io.protohive.kernel.audit.AuditReader;
import io.protohive.kernel.audit.AuditVerification;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Who reads which audit trail: a tenant's admins their tenant's chain, platform admins the
 * platform's own (entries of no tenant), in pages newest first, and either chain recomputed.
 */
@ApplicationScoped
public class AuditTrail {

  @Inject AuditReader reader;
  @Inject TenantAdministration tenantAdministration;
  @Inject PlatformAdmins platformAdmins;

  /** The caller's tenant's entries that pass the filter, newest first. */
  @Transactional
  @InTenant
  public Page<AuditEntry> ofTenant(Caller caller, AuditFilter filter, PageRequest page) {
    return reader.read(tenantAdministration.requireAdmin(caller).id(), filter, page);
  }

  /** The platform's own entries that pass the filter, newest first; for platform admins. */
  @Transactional
  @AsPlatform
  public Page<AuditEntry> ofPlatform(Caller caller, AuditFilter filter, PageRequest page) {
    platformAdmins.require(caller);
    return reader.read(null, filter, page);
  }

  /** Recomputes the caller's tenant's chain. */
  @Transactional
  @InTenant
  public AuditVerification verifyTenant(Caller caller) {
    return reader.verify(tenantAdministration.requireAdmin(caller).id());
  }

  /** Recomputes the platform's chain; for platform admins. */
  @Transactional
  @AsPlatform
  public AuditVerification verifyPlatform(Caller caller) {
    platformAdmins.require(caller);
    return reader.verify(null);
  }
}
