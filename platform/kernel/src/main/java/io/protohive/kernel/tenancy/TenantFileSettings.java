package io.protohive.kernel.tenancy;

/**
 * A tenant's own settings for its files; {@code null} where the platform's default holds ({@code
 * protohive.files.quota-bytes}, {@code protohive.files.store}).
 *
 * @param quotaBytes what its files may take, every version and the bin counted
 * @param store where its new files' bytes go: {@code disk} or {@code s3}
 */
public record TenantFileSettings(Long quotaBytes, String store) {

  public static final TenantFileSettings DEFAULTS = new TenantFileSettings(null, null);
}
