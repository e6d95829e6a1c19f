package io.protohive.kernel.file;

import io.protohive.kernel.file.storage.DiskFileStore;
import io.protohive.kernel.file.storage.FileStores;
import io.protohive.kernel.file.storage.S3FileStore;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.tenancy.TenantFileSpace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;

/** The stores a tenant may name and what its files take, for platform admins. */
@ApplicationScoped
public class FileSpace implements TenantFileSpace {

  @Inject FileRecords records;
  @Inject FileStores stores;

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
}
