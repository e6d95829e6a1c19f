package io.protohive.kernel.provisioning;

import java.util.List;

/**
 * A tenant to create, or a change to one: a {@code null} field is left as it is (on creation: off,
 * email verification on, no domain limit, no admins).
 *
 * @param allowedEmailDomains domains whose addresses may sign up; empty allows any
 * @param admins emails of the tenant's admins
 */
public record TenantDraft(
    String slug,
    String name,
    Boolean disabled,
    Boolean selfSignup,
    Boolean emailVerification,
    List<String> allowedEmailDomains,
    List<String> admins) {}
