package io.protohive.kernel.organization;

import java.time.Instant;
import java.util.UUID;

/** A member of an organization. */
public record MemberView(
    UUID userId, String email, String displayName, Role role, Instant joinedAt) {}
