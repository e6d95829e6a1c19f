package io.protohive.kernel.provisioning;

import java.util.List;

/**
 * A tenant to create, or a change to one: a {@code null} field is left as it is (on creation: off,
 * email verification on, no domain limit, no admins, the platform's file quota and store).
 *
 * @param allowedEmailDomains domains whose addresses may sign up; empty allows any
 * @param admins emails of the tenant's admins
 * @param fileQuotaBytes what the tenant's files may take, in bytes, at least 1
 * @param clearFileQuota lets the tenant's files take the platform's default quota again
 * @param fileStore where the tenant's new files' bytes go: {@code disk}, or {@code s3} where the
 *     platform has an object store
 * @param clearFileStore sends the tenant's new files to the platform's default store again
 */
public record TenantDraft(
    String slug,
    String name,
    Boolean disabled,
    Boolean selfSignup,
    Boolean emailVerification,
    List<String> allowedEmailDomains,
    List<String> admins,
    Long fileQuotaBytes,
    Boolean clearFileQuota,
    String fileStore,
    Boolean clearFileStore) {}
