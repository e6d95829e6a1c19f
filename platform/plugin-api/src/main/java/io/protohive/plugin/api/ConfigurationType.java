package io.protohive.plugin.api;

/** How a configuration value is entered and checked. */
public enum ConfigurationType {
  /** One line of text. */
  STRING,
  /** Several lines of text. */
  TEXT,
  /** A whole number. */
  INTEGER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** An absolute http or https URL. */
  URL,
  /** Several values, one per line. */
  LIST
}
