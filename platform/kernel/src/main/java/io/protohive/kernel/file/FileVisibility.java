package io.protohive.kernel.file;

/** Who may read a file of an organization. */
public enum FileVisibility {
  /** Every member and agent of the organization. */
  ORGANIZATION,
  /** Its owner, the organization's admins and the members and agents it is shared with. */
  NAMED
}
