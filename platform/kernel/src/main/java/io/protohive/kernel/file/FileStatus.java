package io.protohive.kernel.file;

/** Where a file stands on its way to being searchable. */
public enum FileStatus {
  QUEUED,
  EXTRACTING,
  EMBEDDING,
  READY,
  FAILED;

  /** Whether ingestion is over, for better or worse. */
  public boolean settled() {
    return this == READY || this == FAILED;
  }
}
