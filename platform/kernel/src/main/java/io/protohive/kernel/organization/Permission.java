package io.protohive.kernel.organization;

/** What a member may do in an organization, and the least role that allows it. */
public enum Permission {
  VIEW(Role.MEMBER),
  EDIT(Role.ADMIN),
  MANAGE_MEMBERS(Role.ADMIN),
  DELETE(Role.OWNER);

  private final Role least;

  Permission(Role least) {
    this.least = least;
  }

  public boolean grantedTo(Role role) {
    return role.atLeast(least);
  }
}
