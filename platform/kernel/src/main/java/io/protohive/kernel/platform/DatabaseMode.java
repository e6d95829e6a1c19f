package io.protohive.kernel.platform;

/** Where the platform's PostgreSQL runs. */
public enum DatabaseMode {
  /** In process, started and stopped with the platform, data kept in the data folder. */
  EMBEDDED,
  /** An operator's PostgreSQL server, given by {@code PROTOHIVE_DB_URL}. */
  EXTERNAL
}
