package io.protohive.kernel.tenancy;

import io.protohive.kernel.platform.TenantId;
import java.util.Set;
import java.util.UUID;

/**
 * What tenant administration learns from the files: the stores a tenant may name, and what its
 * files take. The files implement it; administration sits in the same tier and cannot call them.
 */
public interface TenantFileSpace {

  /** The stores new files may go to: {@code disk} always, {@code s3} when one is configured. */
  Set<String> stores();

  /**
   * Bytes the tenant's files take as its quota counts them, every version and the bin included. The
   * caller brings the transaction, which the tenant's scope is entered in.
   */
  long bytesUsed(@TenantId UUID tenantId);

  /**
   * Destroys the tenant's data key, so none of its files decrypts again wherever its bytes lie, and
   * then deletes the bytes; for a tenant being deleted.
   */
  void shred(UUID tenantId);
}
