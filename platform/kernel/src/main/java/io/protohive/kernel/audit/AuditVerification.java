package io.protohive.kernel.audit;

import java.util.UUID;

/**
 * What recomputing a chain found.
 *
 * @param entries how many entries were checked
 * @param headHash the last entry's hash; kept outside the platform, it shows a chain rewritten
 *     whole
 * @param firstBroken the first entry that does not follow the one before, {@code null} when none
 * @param firstBrokenSeq its position in the chain
 * @param reason why it does not
 */
public record AuditVerification(
    long entries, String headHash, UUID firstBroken, Long firstBrokenSeq, String reason) {

  public boolean intact() {
    return firstBroken == null;
  }
}
