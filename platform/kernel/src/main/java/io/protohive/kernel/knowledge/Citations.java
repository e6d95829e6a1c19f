package io.protohive.kernel.knowledge;

import io.protohive.kernel.file.FileLinks;
import java.util.UUID;

/**
 * How an answer cites a file: a Markdown link to the file's page in the platform, at the page of
 * the passage. The chat shows these links as citations; opening one shows the file at that page.
 */
final class Citations {

  private Citations() {}

  static String label(String fileName, Integer page) {
    return fileName + (page == null ? "" : ", p. " + page);
  }

  static String link(UUID fileId, String fileName, Integer page) {
    String label = label(fileName, page).replace("[", "(").replace("]", ")");
    return "[" + label + "](" + FileLinks.path(fileId, page) + ")";
  }
}
