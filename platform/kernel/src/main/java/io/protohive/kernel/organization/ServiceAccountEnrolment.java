package io.protohive.kernel.organization;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.ServiceAccounts;
import io.protohive.kernel.identity.ServiceAccounts.ServiceAccountView;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant admin makes a service account with its organization roles, all or nothing. */
@ApplicationScoped
public class ServiceAccountEnrolment {

  @Inject ServiceAccounts serviceAccounts;
  @Inject OrganizationService organizations;
  @Inject AuditLog audit;

  /** A role in an organization to give the account. */
  public record Grant(UUID organizationId, Role role) {}

  /** What a tenant admin asks for. */
  public record Draft(String name, List<Grant> memberships) {}

  @Transactional
  @InTenant
  public ServiceAccountView create(Caller caller, Draft draft, String address) {
    ServiceAccountView made =
        serviceAccounts.create(caller, Optional.ofNullable(draft).map(Draft::name).orElse(null));
    for (Grant grant : Optional.ofNullable(draft.memberships()).orElse(List.of())) {
      if (grant == null || grant.organizationId() == null) {
        throw Rejection.invalid("memberships", "Each membership names an organization.");
      }
      // the same rules as adding a person: the admin must be allowed to grant the role there
      organizations.addMember(caller, grant.organizationId(), made.email(), grant.role());
    }
    // last: the audit trail keeps what it is given even when the change is refused after it
    audit.record(
        caller.tenantId(), caller.userId(), Action.SERVICE_ACCOUNT_CREATED, made.name(), address);
    return made;
  }
}
