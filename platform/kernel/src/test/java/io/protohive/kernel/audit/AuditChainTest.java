package io.protohive.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private static final UUID TENANT = UUID.fromString("11111111-1111-1111-1111-111111111111");

  /** Hashes migration V52 computed with PostgreSQL for two entries written before the chain. */
  private static final String FIRST =
      "e7ed3d5d8824b0977f3afab7b3325deeb714dad994d61209b6878e6616c502ef";

  private static final String SECOND =
      "eee06e7b4ecba9e5366f47d0c7e3c66c10e03a6f84b9f5314c6e06dd62b749b5";

  @Test
  void theChainIsTheOneTheMigrationComputedForEarlierEntries() throws Exception {
    AuditEvent first =
        entry(
            "22222222-2222-2222-2222-222222222222",
            UUID.fromString("33333333-3333-3333-3333-333333333333"),
            "SIGN_IN",
            "zoë@example.com",
            "2026-12-01T10:00:00.123456Z");
    first.link(0, null);
    AuditEvent second =
        entry(
            "44444444-2222-2222-2222-222222222222",
            null,
            "SIGN_IN_FAILED",
            "x",
            "2026-12-01T10:00:01Z");
    second.link(first.seq(), first.hash());

    assertThat(first.hash()).isEqualTo(FIRST);
    assertThat(second.hash()).isEqualTo(SECOND);
    assertThat(AuditChain.broken(null, first)).isNull();
    assertThat(AuditChain.broken(first, second)).isNull();
  }

  @Test
  void aChangedMissingOrForeignEntryBreaksTheChain() throws Exception {
    AuditEvent first =
        entry(UUID.randomUUID().toString(), null, "SIGN_IN", "a", "2026-12-01T10:00:00Z");
    first.link(0, null);
    AuditEvent second =
        entry(UUID.randomUUID().toString(), null, "SIGN_IN", "b", "2026-12-01T10:00:01Z");
    second.link(first.seq(), first.hash());
    AuditEvent third =
        entry(UUID.randomUUID().toString(), null, "SIGN_IN", "c", "2026-12-01T10:00:02Z");
    third.link(second.seq(), second.hash());

    assertThat(AuditChain.broken(first, third)).isEqualTo("entry 2 is missing");
    // the oldest entry kept anchors a chain whose older entries the retention purged
    assertThat(AuditChain.broken(null, second)).isNull();
    set(second, "action", "SIGN_OUT");
    assertThat(AuditChain.broken(first, second)).isEqualTo("its content does not match its hash");
    set(second, "action", "SIGN_IN");
    set(second, "subject", "changed");
    assertThat(AuditChain.broken(first, second)).isEqualTo("its subject does not match its hash");
    // an erasure rewrites the subject and says so; the digest the chain covers stays
    set(second, "subjectErased", true);
    assertThat(AuditChain.broken(first, second)).isNull();
    set(second, "subjectDigest", AuditChain.digest("changed"));
    assertThat(AuditChain.broken(first, second)).isEqualTo("its content does not match its hash");
    set(third, "prevHash", first.hash());
    assertThat(AuditChain.broken(second, third)).isEqualTo("it does not link to the entry before");
  }

  private static AuditEvent entry(String id, UUID actor, String action, String subject, String at)
      throws Exception {
    AuditEvent entry =
        new AuditEvent(
            new AuditRecord(
                TENANT,
                actor,
                null,
                action,
                subject,
                null,
                null,
                null,
                null,
                "127.0.0.1",
                null,
                null),
            Instant.parse(at));
    set(entry, "id", UUID.fromString(id));
    return entry;
  }

  // the entity hands out no setters: the tests change fields as an attacker in the database would
  private static void set(AuditEvent entry, String name, Object value) throws Exception {
    Field field = AuditEvent.class.getDeclaredField(name);
    field.setAccessible(true);
    field.set(entry, value);
  }
}
