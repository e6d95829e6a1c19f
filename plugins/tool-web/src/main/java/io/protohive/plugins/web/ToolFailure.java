package io.protohive.plugins.web;

/**
 * A call the tool will not make or could not complete. The message is shown to the model and
 * logged, so it names hosts and settings but never URLs, keys or bodies.
 */
final class ToolFailure extends Exception {

  private static final long serialVersionUID = 1L;

  ToolFailure(String message) {
    super(message);
  }
}
