package io.protohive.kernel.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The links of an audit chain: an entry's hash is SHA-256 over the previous entry's hash and the
 * entry's fields, so a changed, removed or inserted entry breaks every link from there on. The
 * canonical form writes each field length-prefixed (in code points), so that no two different
 * entries read the same; migration V52 computes the same form for the entries it chained. The
 * subject enters by its digest, so that a person's erasure may rewrite it, marked as erased.
 */
final class AuditChain {

  private AuditChain() {}

  /** The hash an entry has behind {@code previousHash} ({@code null} for a chain's first). */
  static String hash(String previousHash, AuditEvent entry) {
    StringBuilder canonical = new StringBuilder();
    for (Object field :
        new Object[] {
          previousHash,
          entry.seq(),
          entry.id(),
          entry.tenantId(),
          entry.actorId(),
          entry.actorKind(),
          entry.action(),
          entry.subjectDigest(),
          entry.organizationId(),
          entry.route(),
          entry.target(),
          entry.outcome(),
          entry.sourceAddress(),
          entry.traceId(),
          entry.detail(),
          micros(entry.occurredAt())
        }) {
      append(canonical, field);
    }
    return sha256(canonical.toString());
  }

  /**
   * Why the entry does not follow the one before, or {@code null} when it does.
   *
   * @param previous the chain's entry before it, {@code null} for the first
   */
  static String broken(AuditEvent previous, AuditEvent entry) {
    // the oldest entry kept anchors the chain: retention deletes the oldest, and says so in it
    if (previous != null) {
      if (entry.seq() != previous.seq() + 1) {
        return "entry " + (previous.seq() + 1) + " is missing";
      }
      if (!Objects.equals(entry.prevHash(), previous.hash())) {
        return "it does not link to the entry before";
      }
    }
    if (!hash(entry.prevHash(), entry).equals(entry.hash())) {
      return "its content does not match its hash";
    }
    if (!entry.subjectErased() && !Objects.equals(digest(entry.subject()), entry.subjectDigest())) {
      return "its subject does not match its hash";
    }
    return null;
  }

  /** A subject's SHA-256 in hex, {@code null} for none. */
  static String digest(String subject) {
    return subject == null ? null : sha256(subject);
  }

  private static void append(StringBuilder canonical, Object field) {
    if (field == null) {
      canonical.append('-');
    } else {
      String text = field.toString();
      canonical.append(text.codePointCount(0, text.length())).append(':').append(text);
    }
  }

  private static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException absent) {
      throw new IllegalStateException("every Java runtime has SHA-256", absent);
    }
  }
}
