package io.protohive.kernel.identity;

import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Service accounts: accounts of a tenant that are not people, for the programs that call its agents
 * (a CI job, a chat bot, an integration). A tenant admin makes them; they act only through API
 * tokens, and see and do what the organization roles they are given allow, like any member.
 * Organizations depend on accounts, not the other way: roles are given by {@code
 * io.protohive.kernel.organization.ServiceAccountEnrolment}.
 */
@ApplicationScoped
public class ServiceAccounts {

  static final int MAX_NAME = 100;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject TenantAdministration administration;

  /** A service account as tenant admins see it; members are added by its address. */
  public record ServiceAccountView(
      UUID id, String name, String email, boolean disabled, Instant createdAt) {}

  /**
   * Makes a service account, a member of no organization yet; {@code
   * io.protohive.kernel.organization.ServiceAccountEnrolment} gives it its roles with it, and
   * audits it once all is done: the audit trail's entries are written whether or not the change
   * commits.
   */
  @Transactional
  @InTenant
  public ServiceAccountView create(Caller caller, String draftName) {
    Tenant tenant = administration.requireAdmin(caller);
    String name = Optional.ofNullable(draftName).map(String::strip).orElse("");
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw Rejection.invalid(
          "name", "Name the service account (up to " + MAX_NAME + " characters).");
    }
    UserAccount account = UserAccount.serviceAccount(tenant.id(), name, Instant.now());
    entityManager.persist(account);
    entityManager.flush();
    return view(account);
  }

  /** The tenant's service accounts, in the order they were made. */
  @Transactional
  @InTenant
  public Page<ServiceAccountView> list(Caller caller, Integer limit, String cursor) {
    Tenant tenant = administration.requireAdmin(caller);
    PageRequest page = PageRequest.of(limit, cursor);
    TypedQuery<UserAccount> query =
        page.bindKeyset(
            entityManager
                .createQuery(
                    "select u from UserAccount u"
                        + page.where(
                            "u.tenantId = :tenant and u.serviceAccount = true",
                            "u.createdAt",
                            "u.id",
                            PageRequest.Order.OLDEST_FIRST)
                        + " order by u.createdAt, u.id",
                    UserAccount.class)
                .setParameter("tenant", tenant.id())
                .setMaxResults(page.fetch()));
    return page.page(query.getResultList(), u -> Cursor.of(u.createdAt(), u.id()))
        .map(ServiceAccounts::view);
  }

  /**
   * Whether the caller manages the account's API tokens: its own, or a service account of the
   * tenant it administers.
   *
   * @throws Rejection FORBIDDEN for another's account when the caller is no tenant admin, NOT_FOUND
   *     when it is none of the tenant's service accounts
   */
  @Transactional
  @InTenant
  public void requireManagesTokens(Caller caller, UUID accountId) {
    if (accountId.equals(caller.userId())) {
      return;
    }
    Tenant tenant = administration.requireAdmin(caller);
    UserAccount account = entityManager.find(UserAccount.class, accountId);
    if (account == null || !account.isServiceAccount() || !tenant.id().equals(account.tenantId())) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No service account with this id.");
    }
  }

  private static ServiceAccountView view(UserAccount account) {
    return new ServiceAccountView(
        account.id(),
        account.displayName(),
        account.email(),
        account.isDisabled(),
        account.createdAt());
  }
}
