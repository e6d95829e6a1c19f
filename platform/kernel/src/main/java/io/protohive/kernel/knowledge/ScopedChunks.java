package io.protohive.kernel.knowledge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;

/**
 * The chunks a scope may read, as the {@code with} clause every retriever's query starts with, so
 * that each retriever ranks only what the reader may see instead of filtering its top ranks
 * afterwards (which could leave too few). It defines {@code readable(id, version)}: the files and
 * their current versions; a query joins its {@code file_chunk} rows to it. The files attached in
 * the scope's conversation are readable whatever their visibility and knowledge bases.
 */
final class ScopedChunks {

  /** The knowledge bases' folders and, recursively, their subfolders; then the readable files. */
  static final String WITH =
      "with recursive base_folder(id) as ("
          + " select folder.id from knowledge_base_source kbs"
          + " join file_folder folder on folder.id = kbs.folder_id"
          + " where kbs.knowledge_base_id = any(?) and folder.deleted_at is null"
          + " union"
          + " select child.id from file_folder child"
          + " join base_folder on child.parent_id = base_folder.id"
          + " where child.deleted_at is null),"
          + " readable(id, version) as ("
          + " select f.id, f.version from stored_file f"
          + " where f.organization_id = ? and f.deleted_at is null and f.status = 'READY'"
          + " and (f.id in (select mf.file_id from message_file mf where mf.conversation_id = ?)"
          + " or ((f.visibility = 'ORGANIZATION' or ? or f.owner_id = ?"
          + " or exists (select 1 from file_share fs where fs.file_id = f.id"
          + " and (fs.account_id = ? or fs.agent_id = ?)))"
          + " and (cardinality(?) = 0"
          + " or f.id in (select kbs.file_id from knowledge_base_source kbs"
          + " where kbs.knowledge_base_id = any(?))"
          + " or f.folder_id in (select id from base_folder))))) ";

  /** The join that keeps a query's {@code file_chunk c} rows to the readable ones. */
  static final String JOIN =
      " join readable on readable.id = c.file_id and readable.version = c.version ";

  private ScopedChunks() {}

  /** Binds the scope to {@link #WITH}'s parameters; returns the index of the query's first own. */
  static int bind(PreparedStatement statement, Connection connection, SearchScope scope)
      throws SQLException {
    var bases = connection.createArrayOf("uuid", scope.knowledgeBases().toArray(UUID[]::new));
    statement.setArray(1, bases);
    statement.setObject(2, scope.organizationId());
    statement.setObject(3, scope.attachedIn(), Types.OTHER);
    statement.setBoolean(4, scope.seesAll());
    statement.setObject(5, scope.accountId(), Types.OTHER);
    statement.setObject(6, scope.accountId(), Types.OTHER);
    statement.setObject(7, scope.agentId(), Types.OTHER);
    statement.setArray(8, bases);
    statement.setArray(9, bases);
    return 10;
  }
}
