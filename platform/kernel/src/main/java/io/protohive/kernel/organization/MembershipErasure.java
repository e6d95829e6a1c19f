package io.protohive.kernel.organization;

import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Takes an erased person out of every organization of their tenant. */
@ApplicationScoped
public class MembershipErasure {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Event<MembershipsChanged> membershipsChanged;

  /**
   * @throws Rejection (conflict) naming an organization the person is the last owner of, and the
   *     two ways out; nothing is changed then
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @InTenant
  public void requireNotLastOwner(@TenantId UUID tenantId, UUID userId) {
    List<String> sole =
        entityManager
            .createQuery(
                "select o.name from Organization o where o.deletedAt is null and exists (select m"
                    + " from Membership m where m.organizationId = o.id and m.userId = :user and"
                    + " m.role = :owner) and not exists (select m from Membership m where"
                    + " m.organizationId = o.id and m.userId <> :user and m.role = :owner)",
                String.class)
            .setParameter("user", userId)
            .setParameter("owner", Role.OWNER)
            .getResultList();
    if (!sole.isEmpty()) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "This person is the last owner of the organization \""
              + sole.get(0)
              + "\": make another member its owner, or delete the organization, then erase the"
              + " account.");
    }
  }

  /** Removes the person's memberships; how many there were. */
  @Transactional(Transactional.TxType.MANDATORY)
  @InTenant
  public int removeEverywhere(@TenantId UUID tenantId, UUID userId) {
    int removed =
        entityManager
            .createQuery("delete from Membership m where m.userId = :user")
            .setParameter("user", userId)
            .executeUpdate();
    membershipsChanged.fire(new MembershipsChanged(tenantId));
    return removed;
  }
}
