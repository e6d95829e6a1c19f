package io.protohive.kernel.organization;

/** A member's role in an organization, from least to most powerful. */
public enum Role {
  MEMBER,
  ADMIN,
  OWNER;

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }
}
