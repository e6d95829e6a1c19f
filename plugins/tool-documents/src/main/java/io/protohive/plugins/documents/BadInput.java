package io.protohive.plugins.documents;

/** Arguments a tool cannot write a document from; its message is the model's to read. */
final class BadInput extends Exception {

  private static final long serialVersionUID = 1L;

  BadInput(String reason) {
    super(reason, null, false, false);
  }
}
