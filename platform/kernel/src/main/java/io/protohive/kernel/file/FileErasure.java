package io.protohive.kernel.file;

import io.protohive.kernel.file.storage.EncryptedFiles;
import io.protohive.kernel.platform.AfterCommit;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The files' part of a person's erasure: the files they own are purged at once, bin or not (with
 * their versions, shares, chunks and attachments to messages), and so are shares with them and
 * their unfinished uploads.
 */
@ApplicationScoped
public class FileErasure {

  private static final Logger LOG = Logger.getLogger(FileErasure.class.getName());

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject FileRecords records;
  @Inject EncryptedFiles bytes;
  @Resource TransactionSynchronizationRegistry transactions;

  /** How many rows of each kind went. */
  @Transactional(Transactional.TxType.MANDATORY)
  @InTenant
  public Map<String, Integer> erase(@TenantId UUID tenantId, UUID accountId) {
    @SuppressWarnings("unchecked")
    List<UUID> owned =
        entityManager
            .createNativeQuery("select id from stored_file where owner_id = ?1")
            .setParameter(1, accountId)
            .getResultList();
    List<FileRecords.Stored> stored = new ArrayList<>();
    for (UUID fileId : owned) {
      stored.addAll(records.storedVersions(fileId));
      records.purge(fileId);
    }
    deleteAfterCommit(stored);
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("files", owned.size());
    counts.put("fileShares", delete("delete from file_share where account_id = ?1", accountId));
    counts.put("uploads", delete("delete from file_upload where created_by = ?1", accountId));
    return counts;
  }

  /** Deletes the bytes once the rows that named them are gone: a rollback keeps both. */
  public void deleteAfterCommit(List<FileRecords.Stored> stored) {
    AfterCommit.run(transactions, () -> stored.forEach(this::deleteBytes));
  }

  private int delete(String sql, UUID accountId) {
    return entityManager.createNativeQuery(sql).setParameter(1, accountId).executeUpdate();
  }

  private void deleteBytes(FileRecords.Stored stored) {
    try {
      bytes.delete(stored.store(), stored.key());
    } catch (IOException | RuntimeException e) {
      // no row names these bytes any more, so no one reaches them; the store keeps them
      LOG.log(Level.WARNING, "An erased file's bytes stay in the store " + stored.store(), e);
    }
  }
}
