package io.protohive.kernel.file;

import java.util.UUID;

/** Where a file's page in the platform is: what file links and citations point to. */
public final class FileLinks {

  private FileLinks() {}

  /** The path of a file's page, from the platform's root, opened at a page if given. */
  public static String path(UUID fileId, Integer page) {
    return "/files/" + fileId + (page == null ? "" : "?page=" + page);
  }
}
