package io.protohive.kernel.provisioning;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.AccountStandings;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.Credentials;
import io.protohive.kernel.identity.PlatformAdmins;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.tenancy.Tenant;
import io.protohive.kernel.tenancy.TenantFileSettings;
import io.protohive.kernel.tenancy.TenantFileSpace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Tenants as platform admins manage them: list, create, rename, disable and enable, name the
 * admins, set the sign-up rules and the files' quota and store, and delete. Tenants declared in
 * tenants-config change only in their file.
 */
@ApplicationScoped
public class PlatformTenants {

  static final int MAX_NAME = 200;
  private static final String NOT_FOUND = "No tenant with this id.";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject PlatformAdmins admins;
  @Inject Authorization authorization;
  @Inject AuditLog audit;
  @Inject TenantFileSpace files;
  @Inject PlatformTenants self;
  @Inject AccountStandings standings;

  /** Every tenant, oldest first, without what their files take. */
  @Transactional
  @AsPlatform
  public Page<TenantView> list(Caller caller, Integer limit, String cursor) {
    authorization.platformAdmin(caller);
    PageRequest page = PageRequest.of(limit, cursor);
    TypedQuery<Tenant> query =
        page.bindKeyset(
            entityManager
                .createQuery(
                    "select t from Tenant t"
                        + page.where(null, "t.createdAt", "t.id", PageRequest.Order.OLDEST_FIRST)
                        + " order by t.createdAt, t.id",
                    Tenant.class)
                .setMaxResults(page.fetch()));
    return page.page(
        query.getResultList().stream().map(t -> TenantView.of(t, null)).toList(),
        row -> Cursor.of(row.createdAt(), row.id()));
  }

  @Transactional
  @AsPlatform
  public TenantView get(Caller caller, UUID tenantId) {
    authorization.platformAdmin(caller);
    Tenant tenant = find(tenantId);
    return TenantView.of(tenant, files.bytesUsed(tenant.id()));
  }

  /** The stores a tenant's files may be sent to, by name, in order. */
  @Transactional
  @AsPlatform
  public List<String> fileStores(Caller caller) {
    authorization.platformAdmin(caller);
    return files.stores().stream().sorted().toList();
  }

  /**
   * @throws Rejection naming the field at fault, or CONFLICT when the slug is taken
   */
  @Transactional
  @AsPlatform
  public TenantView create(Caller caller, TenantDraft draft, String address) {
    authorization.platformAdmin(caller);
    if (draft.slug() == null || !TenantFields.SLUG.matcher(draft.slug()).matches()) {
      throw Rejection.invalid(
          "slug", "Give a slug of 1 to 63 lower-case letters, digits or inner hyphens.");
    }
    String name = validName(draft.name());
    List<String> domains = domains(draft.allowedEmailDomains());
    List<String> adminEmails = emails(draft.admins());
    TenantFileSettings fileSettings = fileSettings(draft, TenantFileSettings.DEFAULTS);
    boolean taken =
        !entityManager
            .createQuery("select t.id from Tenant t where t.slug = :slug", UUID.class)
            .setParameter("slug", draft.slug())
            .getResultList()
            .isEmpty();
    if (taken) {
      throw Rejection.of(Rejection.Kind.CONFLICT, "A tenant with this slug exists already.");
    }
    Instant now = Instant.now();
    Tenant tenant = new Tenant(draft.slug(), Tenant.Origin.API, now);
    tenant.rename(name, now);
    tenant.setSignUpRules(
        Boolean.TRUE.equals(draft.selfSignup()),
        !Boolean.FALSE.equals(draft.emailVerification()),
        domains,
        now);
    tenant.setAdminEmails(adminEmails, now);
    tenant.setDisabled(Boolean.TRUE.equals(draft.disabled()), now);
    tenant.setFileSettings(fileSettings, now);
    entityManager.persist(tenant);
    // the audit's own transaction cannot see the new tenant yet: the platform's event, by slug
    audit.record(null, caller.userId(), Action.TENANT_CREATED, tenant.slug(), address);
    return TenantView.of(tenant, 0L);
  }

  /**
   * Applies the fields the change gives; every one is checked before any is applied.
   *
   * @throws Rejection CONFLICT for a tenant that tenants-config declares
   */
  @Transactional
  @AsPlatform
  public TenantView change(Caller caller, UUID tenantId, TenantDraft change, String address) {
    authorization.platformAdmin(caller);
    Tenant tenant = find(tenantId);
    if (tenant.origin() == Tenant.Origin.CONFIG) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "This tenant is managed by tenants-config; change its file there instead.");
    }
    if (change.slug() != null && !change.slug().equals(tenant.slug())) {
      throw Rejection.invalid("slug", "A tenant's slug cannot change.");
    }
    String name = change.name() == null ? tenant.name() : validName(change.name());
    List<String> domains =
        change.allowedEmailDomains() == null
            ? tenant.allowedEmailDomains()
            : domains(change.allowedEmailDomains());
    List<String> adminEmails =
        change.admins() == null ? tenant.adminEmails() : emails(change.admins());
    TenantFileSettings fileSettings = fileSettings(change, tenant.fileSettings());
    Instant now = Instant.now();
    tenant.rename(name, now);
    tenant.setSignUpRules(
        change.selfSignup() == null ? tenant.selfSignup() : change.selfSignup(),
        change.emailVerification() == null
            ? tenant.emailVerification()
            : change.emailVerification(),
        domains,
        now);
    tenant.setAdminEmails(adminEmails, now);
    tenant.setFileSettings(fileSettings, now);
    audit.record(tenant.id(), caller.userId(), Action.TENANT_CHANGED, tenant.slug(), address);
    if (change.disabled() != null && change.disabled() != tenant.disabled()) {
      tenant.setDisabled(change.disabled(), now);
      audit.record(
          tenant.id(),
          caller.userId(),
          change.disabled() ? Action.TENANT_DISABLED : Action.TENANT_ENABLED,
          tenant.slug(),
          address);
    }
    return TenantView.of(tenant, files.bytesUsed(tenant.id()));
  }

  /**
   * Deletes a disabled tenant for good: first its people's sessions, on every node, then its data
   * key, so its files are noise wherever their bytes lie, then every row of it (its people,
   * organizations, agents, conversations, tasks, files, audit trail) in one statement. Not one
   * transaction: the key is gone before the rows go, and a deletion that failed after the key is
   * taken up again by deleting again.
   *
   * @param confirm the tenant's slug, typed again
   * @throws Rejection NOT_FOUND for an unknown tenant, CONFLICT for one tenants-config declares or
   *     one still enabled, invalid {@code confirm} unless it is the slug
   */
  public void delete(Caller caller, UUID tenantId, String confirm, String address) {
    String slug = self.deletable(caller, tenantId, confirm);
    self.endSessions(tenantId);
    files.shred(tenantId);
    self.deleteRows(tenantId);
    audit.record(null, caller.userId(), Action.TENANT_DELETED, slug, address);
  }

  /** The slug of a tenant the caller may delete now. */
  @Transactional
  @AsPlatform
  public String deletable(Caller caller, UUID tenantId, String confirm) {
    authorization.platformAdmin(caller);
    Tenant tenant = find(tenantId);
    if (tenant.origin() == Tenant.Origin.CONFIG) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "This tenant is managed by tenants-config and is not deleted here.");
    }
    if (!tenant.disabled()) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT, "Disable the tenant first: its people are still signing in.");
    }
    if (!tenant.slug().equals(confirm)) {
      throw Rejection.invalid("confirm", "Type the tenant's slug to confirm its deletion.");
    }
    return tenant.slug();
  }

  /** Ends every session of the tenant's people on every node, before their accounts go. */
  @Transactional
  @InTenant
  public void endSessions(@TenantId UUID tenantId) {
    @SuppressWarnings("unchecked")
    List<UUID> accounts =
        entityManager
            .createNativeQuery("select id from user_account where tenant_id = ?1")
            .setParameter(1, tenantId)
            .getResultList();
    accounts.forEach(standings::endSessions);
  }

  @Transactional
  @AsPlatform
  public void deleteRows(UUID tenantId) {
    entityManager
        .createNativeQuery("select protohive_delete_tenant(?1)")
        .setParameter(1, tenantId)
        .getSingleResult();
  }

  private Tenant find(UUID tenantId) {
    Tenant tenant = tenantId == null ? null : entityManager.find(Tenant.class, tenantId);
    if (tenant == null) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
    }
    return tenant;
  }

  /** The files' settings the draft gives, or keeps of {@code current} where it gives none. */
  private TenantFileSettings fileSettings(TenantDraft draft, TenantFileSettings current) {
    Long quota = current.quotaBytes();
    if (Boolean.TRUE.equals(draft.clearFileQuota())) {
      if (draft.fileQuotaBytes() != null) {
        throw Rejection.invalid(
            "fileQuotaBytes", "Give a quota or clear it to the platform's default, not both.");
      }
      quota = null;
    } else if (draft.fileQuotaBytes() != null) {
      if (draft.fileQuotaBytes() < 1) {
        throw Rejection.invalid(
            "fileQuotaBytes", "Give the files' quota as a number of bytes, at least 1.");
      }
      quota = draft.fileQuotaBytes();
    }
    String store = current.store();
    if (Boolean.TRUE.equals(draft.clearFileStore())) {
      if (draft.fileStore() != null) {
        throw Rejection.invalid(
            "fileStore", "Name a store or clear it to the platform's default, not both.");
      }
      store = null;
    } else if (draft.fileStore() != null) {
      Set<String> stores = files.stores();
      if (!stores.contains(draft.fileStore())) {
        throw Rejection.invalid(
            "fileStore",
            "Name one of the platform's file stores: "
                + String.join(", ", new TreeSet<>(stores))
                + ".");
      }
      store = draft.fileStore();
    }
    return new TenantFileSettings(quota, store);
  }

  private static String validName(String name) {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
      throw Rejection.invalid("name", "Give a name of 1 to " + MAX_NAME + " characters.");
    }
    return stripped;
  }

  private static List<String> domains(List<String> given) {
    List<String> domains = new ArrayList<>();
    for (String domain : given == null ? List.<String>of() : given) {
      domains.add(
          TenantFields.domain(domain)
              .orElseThrow(
                  () ->
                      Rejection.invalid(
                          "allowedEmailDomains",
                          "Give domain names such as example.com, was '" + domain + "'.")));
    }
    return List.copyOf(new LinkedHashSet<>(domains));
  }

  private static List<String> emails(List<String> given) {
    List<String> emails = new ArrayList<>();
    for (String email : given == null ? List.<String>of() : given) {
      try {
        emails.add(Credentials.normalizeEmail(email));
      } catch (Rejection invalid) {
        throw Rejection.invalid(
            "admins", "Give the admins' email addresses such as name@example.com.");
      }
    }
    return List.copyOf(new LinkedHashSet<>(emails));
  }
}
