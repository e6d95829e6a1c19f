package io.protohive.kernel.encryption;

import java.util.UUID;

/**
 * The columns that hold personal data sealed with the tenant's field keys, each beside the column
 * naming the key that sealed it. A sealed value is bound to its row's id.
 */
public enum SealedColumn {
  MESSAGE_CONTENT("message", "content", "content_key", "message:"),
  CONVERSATION_SUMMARY("conversation", "summary", "summary_key", "summary:"),
  MEMORY_CONTENT("memory_chunk", "content", "content_key", "memory:");

  private final String table;
  private final String column;
  private final String keyColumn;
  private final String contextPrefix;

  SealedColumn(String table, String column, String keyColumn, String contextPrefix) {
    this.table = table;
    this.column = column;
    this.keyColumn = keyColumn;
    this.contextPrefix = contextPrefix;
  }

  public String table() {
    return table;
  }

  public String column() {
    return column;
  }

  public String keyColumn() {
    return keyColumn;
  }

  /** What a value of the row is bound to, so that it opens in no other row. */
  public String context(UUID rowId) {
    return contextPrefix + rowId;
  }
}
