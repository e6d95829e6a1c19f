package io.protohive.kernel.file;

import io.protohive.kernel.file.storage.DiskFileStore;
import io.protohive.kernel.file.storage.EncryptedFiles;
import io.protohive.kernel.file.storage.FileStores;
import io.protohive.kernel.file.storage.S3FileStore;
import io.protohive.kernel.file.storage.TenantDataKeys;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.tenancy.TenantFileSpace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The stores a tenant may name, what its files take and their shredding, for platform admins. */
@ApplicationScoped
public class FileSpace implements TenantFileSpace {

  private static final Logger LOG = Logger.getLogger(FileSpace.class.getName());

  @Inject FileRecords records;
  @Inject FileStores stores;
  @Inject TenantDataKeys keys;
  @Inject EncryptedFiles bytes;
  @Inject FileSpace self;

  @Override
  public Set<String> stores() {
    return stores.s3Configured()
        ? Set.of(DiskFileStore.NAME, S3FileStore.NAME)
        : Set.of(DiskFileStore.NAME);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  @InTenant
  public long bytesUsed(@TenantId UUID tenantId) {
    return records.usage(tenantId);
  }

  @Override
  public void shred(UUID tenantId) {
    List<FileRecords.Stored> stored = self.storedBytes(tenantId);
    // committed before the bytes go: from here on no node decrypts them
    keys.shred(tenantId);
    for (FileRecords.Stored version : stored) {
      try {
        bytes.delete(version.store(), version.key());
      } catch (IOException | RuntimeException e) {
        // noise without the key; the store's own clean-up may take what is left
        LOG.log(Level.WARNING, "A shredded file's bytes could not be deleted", e);
      }
    }
  }

  /** Where the bytes of every version of the tenant's files lie. */
  @Transactional
  @InTenant
  public List<FileRecords.Stored> storedBytes(@TenantId UUID tenantId) {
    return records.storedVersions();
  }
}
