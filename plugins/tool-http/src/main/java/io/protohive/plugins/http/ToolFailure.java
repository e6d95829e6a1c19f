package io.protohive.plugins.http;

/**
 * A request the tool will not make or could not complete. The message is shown to the model and
 * logged, so it names hosts and addresses but never URLs, header values or bodies, which may carry
 * credentials.
 */
final class ToolFailure extends Exception {

  private static final long serialVersionUID = 1L;

  ToolFailure(String message) {
    super(message);
  }
}
