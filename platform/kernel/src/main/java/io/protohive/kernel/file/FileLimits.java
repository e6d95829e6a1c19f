package io.protohive.kernel.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How large a file may be, how much a tenant may keep, how long the bin keeps files and how long a
 * resumable upload may take.
 */
@ApplicationScoped
public class FileLimits {

  @Inject
  @ConfigProperty(name = "protohive.files.max-bytes", defaultValue = "104857600")
  long maxFileBytes;

  @Inject
  @ConfigProperty(name = "protohive.files.quota-bytes", defaultValue = "10737418240")
  long defaultQuotaBytes;

  @Inject
  @ConfigProperty(name = "protohive.files.retention-days", defaultValue = "30")
  int retentionDays;

  @Inject
  @ConfigProperty(name = "protohive.files.upload-expiry-hours", defaultValue = "24")
  int uploadExpiryHours;

  public long maxFileBytes() {
    return maxFileBytes;
  }

  /** A tenant's quota where its own is not set. */
  public long defaultQuotaBytes() {
    return defaultQuotaBytes;
  }

  /** Days a file stays in the bin before its bytes and rows are purged. */
  public int retentionDays() {
    return retentionDays;
  }

  /** Hours a resumable upload may take from its creation before it and its bytes are deleted. */
  public int uploadExpiryHours() {
    return uploadExpiryHours;
  }
}
