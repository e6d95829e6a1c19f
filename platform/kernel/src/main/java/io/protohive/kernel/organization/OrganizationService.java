package io.protohive.kernel.organization;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.Credentials;
import io.protohive.kernel.identity.UserAccount;
import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.DatabaseScope;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Organizations and their members. Every operation acts for a caller, inside the caller's tenant,
 * and passes one access check ({@link #require}) that finds the caller's membership and compares
 * its role with the permission the operation needs.
 */
@ApplicationScoped
public class OrganizationService {

  static final int MAX_NAME = 100;
  private static final String NOT_FOUND = "No organization with this id.";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Event<MembershipsChanged> membershipsChanged;
  @Inject AuditLog audit;
  @Inject OrganizationTemplates templates;
  @Inject AgentStore agents;
  @Inject DatabaseScope scope;

  @Transactional
  @InTenant
  public OrganizationView create(Caller caller, String name, String template) {
    UUID tenantId = requireTenant(caller);
    OrganizationTemplate chosen =
        template == null
            ? null
            : templates
                .byId(tenantId, template)
                .orElseThrow(
                    () -> Rejection.invalid("template", "No organization template of this name."));
    // PostgreSQL keeps microseconds; answer with what a later read will return
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Organization organization = new Organization(tenantId, validName(name), now);
    entityManager.persist(organization);
    // the membership refers to the organization by id only, so write the organization first
    entityManager.flush();
    entityManager.persist(
        new Membership(tenantId, organization.id(), caller.userId(), Role.OWNER, now));
    if (chosen != null) {
      staff(tenantId, organization.id(), chosen);
    }
    record(caller, Action.ORGANIZATION_CREATED, organization.id(), organization.name());
    return view(organization, Role.OWNER);
  }

  /**
   * The organizations the caller belongs to, oldest first. Read on every visit to the API's start,
   * so in one round trip in plain SQL: the tenant's scope travels with the query.
   */
  public Page<OrganizationView> list(Caller caller, Integer limit, String cursor) {
    UUID tenantId = requireTenant(caller);
    PageRequest page = PageRequest.of(limit, cursor);
    List<OrganizationView> rows =
        scope.readInTenant(
            tenantId,
            "select o.id, o.name, m.role, o.created_at, o.updated_at"
                + " from organization o join membership m on m.organization_id = o.id"
                + " where m.user_id = ? and o.deleted_at is null"
                + page.keyset("o.created_at, o.id", PageRequest.Order.OLDEST_FIRST)
                + " order by o.created_at, o.id limit ?",
            (statement, first) -> {
              statement.setObject(first, caller.userId());
              statement.setInt(page.bindKeyset(statement, first + 1), page.fetch());
            },
            row ->
                new OrganizationView(
                    row.getObject(1, UUID.class),
                    row.getString(2),
                    Role.valueOf(row.getString(3)),
                    row.getObject(4, OffsetDateTime.class).toInstant(),
                    row.getObject(5, OffsetDateTime.class).toInstant()));
    return page.page(rows, row -> Cursor.of(row.createdAt(), row.id()));
  }

  @Transactional
  @InTenant
  public OrganizationView get(Caller caller, UUID id) {
    requireTenant(caller);
    Membership membership = require(caller, id, Permission.VIEW);
    return view(organization(id), membership.role());
  }

  @Transactional
  @InTenant
  public OrganizationView rename(Caller caller, UUID id, String name) {
    requireTenant(caller);
    Membership membership = require(caller, id, Permission.EDIT);
    Organization organization = organization(id);
    organization.rename(validName(name), Instant.now());
    record(caller, Action.ORGANIZATION_RENAMED, id, organization.name());
    return view(organization, membership.role());
  }

  /** Deletes softly: the organization disappears, its rows stay for audit and recovery. */
  @Transactional
  @InTenant
  public void delete(Caller caller, UUID id) {
    requireTenant(caller);
    require(caller, id, Permission.DELETE);
    organization(id).delete(Instant.now());
    membershipsChanged.fire(new MembershipsChanged(caller.tenantId()));
    record(caller, Action.ORGANIZATION_DELETED, id, null);
  }

  /** Every member of the organization, in the order they joined. */
  @Transactional
  @InTenant
  public List<MemberView> members(Caller caller, UUID id) {
    return Page.every(cursor -> members(caller, id, Page.MAX_LIMIT, cursor));
  }

  /** A page of the organization's members, in the order they joined. */
  @Transactional
  @InTenant
  public Page<MemberView> members(Caller caller, UUID id, Integer limit, String cursor) {
    requireTenant(caller);
    require(caller, id, Permission.VIEW);
    PageRequest page = PageRequest.of(limit, cursor);
    TypedQuery<Object[]> query =
        page.bindKeyset(
            entityManager
                .createQuery(
                    "select m, u from Membership m, UserAccount u"
                        + page.where(
                            "m.userId = u.id and m.organizationId = :organization",
                            "m.createdAt",
                            "u.id",
                            PageRequest.Order.OLDEST_FIRST)
                        + " order by m.createdAt, u.id",
                    Object[].class)
                .setParameter("organization", id)
                .setMaxResults(page.fetch()));
    return page.page(
        query.getResultList().stream()
            .map(row -> member((Membership) row[0], (UserAccount) row[1]))
            .toList(),
        row -> Cursor.of(row.joinedAt(), row.userId()));
  }

  /** Adds a person of the same tenant, found by email, with a role. */
  @Transactional
  @InTenant
  public MemberView addMember(Caller caller, UUID id, String email, Role role) {
    UUID tenantId = requireTenant(caller);
    Membership own = require(caller, id, Permission.MANAGE_MEMBERS);
    Role granted = requireRole(role);
    requireMayGrant(own, granted);
    String normalized = Credentials.normalizeEmail(email);
    UserAccount account =
        entityManager
            .createQuery(
                "select u from UserAccount u where u.tenantId = :tenant and lower(u.email) = :email",
                UserAccount.class)
            .setParameter("tenant", tenantId)
            .setParameter("email", normalized)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> Rejection.invalid("email", "Nobody in your tenant has this email address."));
    if (membership(id, account.id()) != null) {
      throw Rejection.of(Rejection.Kind.CONFLICT, "This person is a member already.");
    }
    Membership added = new Membership(tenantId, id, account.id(), granted, Instant.now());
    entityManager.persist(added);
    record(caller, Action.MEMBER_ADDED, id, account.email() + " as " + granted);
    return member(added, account);
  }

  @Transactional
  @InTenant
  public MemberView changeRole(Caller caller, UUID id, UUID userId, Role role) {
    requireTenant(caller);
    Membership own = require(caller, id, Permission.MANAGE_MEMBERS);
    Role granted = requireRole(role);
    Membership target = target(id, userId);
    requireMayManage(own, target);
    requireMayGrant(own, granted);
    if (target.role() == Role.OWNER && granted != Role.OWNER) {
      requireAnotherOwner(id);
    }
    target.changeRole(granted);
    membershipsChanged.fire(new MembershipsChanged(caller.tenantId()));
    UserAccount account = entityManager.find(UserAccount.class, userId);
    record(caller, Action.MEMBER_ROLE_CHANGED, id, account.email() + " to " + granted);
    return member(target, account);
  }

  /** Removes a member; any member may remove themselves, except the last owner. */
  @Transactional
  @InTenant
  public void removeMember(Caller caller, UUID id, UUID userId) {
    requireTenant(caller);
    Membership own = require(caller, id, Permission.VIEW);
    Membership target = target(id, userId);
    if (!userId.equals(caller.userId())) {
      if (!Permission.MANAGE_MEMBERS.grantedTo(own.role())) {
        throw forbidden();
      }
      requireMayManage(own, target);
    }
    if (target.role() == Role.OWNER) {
      requireAnotherOwner(id);
    }
    entityManager.remove(target);
    membershipsChanged.fire(new MembershipsChanged(caller.tenantId()));
    record(caller, Action.MEMBER_REMOVED, id, userId.toString());
  }

  /** Creates a template's agents, managers first, with their reporting lines. */
  private void staff(UUID tenantId, UUID organizationId, OrganizationTemplate template) {
    Map<String, UUID> created = new HashMap<>();
    for (OrganizationTemplate.TemplateAgent agent : template.agents()) {
      AgentView saved =
          agents.insert(
              tenantId,
              organizationId,
              new AgentView(
                  null,
                  organizationId,
                  agent.name(),
                  agent.role(),
                  agent.persona(),
                  agent.manager() == null ? null : created.get(agent.manager()),
                  null,
                  null,
                  null,
                  AgentService.DEFAULT_MAX_STEPS,
                  agent.tools(),
                  agent.color(),
                  null,
                  null));
      created.put(agent.key(), saved.id());
    }
  }

  private void record(Caller caller, Action action, UUID organizationId, String detail) {
    audit.record(
        caller.tenantId(),
        caller.userId(),
        action,
        "organization " + organizationId + (detail == null ? "" : ": " + detail),
        null);
  }

  /**
   * Checks that the caller may do something in an organization, for services of things that belong
   * to organizations (agents, conversations): the same check as for the organization itself.
   *
   * @return the caller's role there
   */
  @Transactional
  @InTenant
  public Role access(Caller caller, UUID organizationId, Permission permission) {
    requireTenant(caller);
    return require(caller, organizationId, permission).role();
  }

  /**
   * The access check: the caller's membership of a live organization of its tenant, with a role
   * that grants {@code permission}. Someone outside the organization learns nothing, not even that
   * it exists.
   */
  private Membership require(Caller caller, UUID organizationId, Permission permission) {
    Membership membership = membership(organizationId, caller.userId());
    if (membership == null || organizationOrNull(organizationId) == null) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
    }
    if (!permission.grantedTo(membership.role())) {
      throw forbidden();
    }
    return membership;
  }

  private UUID requireTenant(Caller caller) {
    if (caller.tenantId() == null) {
      throw Rejection.of(
          Rejection.Kind.FORBIDDEN, "Organizations belong to tenants; sign in as a tenant's user.");
    }
    return caller.tenantId();
  }

  private Membership membership(UUID organizationId, UUID userId) {
    return entityManager
        .createQuery(
            "select m from Membership m where m.organizationId = :organization and m.userId = :user",
            Membership.class)
        .setParameter("organization", organizationId)
        .setParameter("user", userId)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private Membership target(UUID organizationId, UUID userId) {
    Membership target = membership(organizationId, userId);
    if (target == null) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No member with this id in the organization.");
    }
    return target;
  }

  private Organization organizationOrNull(UUID id) {
    Organization organization = entityManager.find(Organization.class, id);
    return organization == null || organization.deletedAtOrNull() != null ? null : organization;
  }

  private Organization organization(UUID id) {
    return entityManager.find(Organization.class, id);
  }

  private static void requireMayManage(Membership own, Membership target) {
    if (target.role() == Role.OWNER && own.role() != Role.OWNER) {
      throw Rejection.of(Rejection.Kind.FORBIDDEN, "Only an owner can change or remove an owner.");
    }
  }

  private static void requireMayGrant(Membership own, Role granted) {
    if (granted == Role.OWNER && own.role() != Role.OWNER) {
      throw Rejection.of(Rejection.Kind.FORBIDDEN, "Only an owner can make someone an owner.");
    }
  }

  private void requireAnotherOwner(UUID organizationId) {
    long owners =
        entityManager
            .createQuery(
                "select count(m) from Membership m where m.organizationId = :organization"
                    + " and m.role = :owner",
                Long.class)
            .setParameter("organization", organizationId)
            .setParameter("owner", Role.OWNER)
            .getSingleResult();
    if (owners <= 1) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT, "An organization keeps at least one owner; add another first.");
    }
  }

  private static Role requireRole(Role role) {
    if (role == null) {
      throw Rejection.invalid("role", "Give a role: OWNER, ADMIN or MEMBER.");
    }
    return role;
  }

  private static String validName(String name) {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
      throw Rejection.invalid("name", "Give a name of 1 to " + MAX_NAME + " characters.");
    }
    return stripped;
  }

  private static Rejection forbidden() {
    return Rejection.of(
        Rejection.Kind.FORBIDDEN, "Your role in this organization does not allow this.");
  }

  private static OrganizationView view(Organization organization, Role role) {
    return new OrganizationView(
        organization.id(),
        organization.name(),
        role,
        organization.createdAt(),
        organization.updatedAt());
  }

  private static MemberView member(Membership membership, UserAccount account) {
    return new MemberView(
        account.id(),
        account.email(),
        account.displayName(),
        membership.role(),
        membership.createdAt());
  }
}
