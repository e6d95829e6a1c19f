package io.protohive.kernel.organization;

import java.time.Instant;
import java.util.UUID;

/** An organization as one of its members sees it, with that member's role. */
public record OrganizationView(
    UUID id, String name, Role role, Instant createdAt, Instant updatedAt) {}
