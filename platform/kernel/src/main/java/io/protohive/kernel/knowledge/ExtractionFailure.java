package io.protohive.kernel.knowledge;

import io.protohive.kernel.file.ContentTypes;

/** Why a document yielded no text, in words its owner understands. */
public enum ExtractionFailure {
  ENCRYPTED("the %s is encrypted; upload it without a password"),
  CORRUPT("the %s is damaged or not what its type says and cannot be read"),
  UNSUPPORTED_TYPE("a %s cannot be searched; upload PDF, Office, OpenDocument, web, text or mail"),
  TOO_LARGE("the %s holds more text than can be searched, or unpacks to far more than its size"),
  TIMEOUT("reading the %s took too long"),
  NO_TEXT("the %s has no text; it is empty or a scan, which cannot be read yet");

  private final String template;

  ExtractionFailure(String template) {
    this.template = template;
  }

  /** The reason for a document of this type, e.g. "the PDF is encrypted; …". */
  public String describe(String contentType) {
    return template.formatted(ContentTypes.describe(contentType));
  }
}
