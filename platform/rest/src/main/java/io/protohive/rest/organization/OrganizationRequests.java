package io.protohive.rest.organization;

import io.protohive.kernel.organization.Role;

/** Request bodies of the organization endpoints. */
public final class OrganizationRequests {

  private OrganizationRequests() {}

  /** A new organization, blank or from a template. */
  public record Create(String name, String template) {}

  /** Changes to an organization. */
  public record Update(String name) {}

  /** A person of the tenant to add, by email, with a role. */
  public record Invite(String email, Role role) {}

  /** A member's new role. */
  public record ChangeRole(Role role) {}
}
