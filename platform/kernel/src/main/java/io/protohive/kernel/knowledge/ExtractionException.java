package io.protohive.kernel.knowledge;

/** A document whose text could not be extracted; the message is meant for its owner. */
public class ExtractionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ExtractionFailure failure;
  private final String contentType;

  ExtractionException(ExtractionFailure failure, String contentType, Throwable cause) {
    super(failure.describe(contentType), cause);
    this.failure = failure;
    this.contentType = contentType;
  }

  public ExtractionFailure failure() {
    return failure;
  }

  /** The detected content type, or {@code application/octet-stream} when detection failed. */
  public String contentType() {
    return contentType;
  }
}
