package io.protohive.kernel.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What an erasure did.
 *
 * @param counts how many rows of each kind were deleted or, for accounts and audit entries,
 *     anonymized; in the order they were erased
 */
public record ErasureReport(UUID userId, Instant erasedAt, Map<String, Integer> counts) {

  /** The counts as the audit entry keeps them: {@code memberships=1 files=2 ...}. */
  String summary() {
    return counts.entrySet().stream()
        .map(count -> count.getKey() + "=" + count.getValue())
        .collect(Collectors.joining(" "));
  }
}
