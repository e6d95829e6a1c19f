package io.protohive.kernel.identity.token;

import io.protohive.kernel.identity.OpaqueTokens;
import io.protohive.kernel.platform.AsPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Refresh tokens: opaque, single use, rotated on every refresh within a family that lives seven
 * days from sign-in. Presenting a token that was already used revokes its whole family, since
 * either the owner or a thief now holds a copy (OWASP ASVS V10.4). The tokens are the platform's
 * own rows: every method works in the platform scope.
 */
@ApplicationScoped
public class RefreshTokens {

  public static final Duration FAMILY_LIFETIME = Duration.ofDays(7);

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** A new token, and when its family ends. */
  public record Issued(String token, UUID userId, Instant familyExpiresAt) {}

  /** What {@link #rotate} found when it refused a token. */
  public record Refusal(boolean reuse, UUID userId) {}

  /** Starts a family for a new sign-in. */
  @Transactional
  @AsPlatform
  public Issued start(UUID userId) {
    Instant now = Instant.now();
    return issue(UUID.randomUUID(), userId, now, now.plus(FAMILY_LIFETIME));
  }

  /**
   * Replaces {@code token} with a new one of the same family.
   *
   * @throws RefreshRefused when the token is unknown, expired, revoked or already used; in the last
   *     case the family has been revoked when this returns
   */
  @Transactional(dontRollbackOn = RefreshRefused.class)
  @AsPlatform
  public Issued rotate(String token) {
    Instant now = Instant.now();
    List<RefreshToken> found =
        entityManager
            .createQuery(
                "select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
            .setParameter("hash", hash(token))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    if (found.isEmpty()) {
      throw new RefreshRefused(new Refusal(false, null));
    }
    RefreshToken current = found.get(0);
    if (current.isUsed() && !current.isRevoked()) {
      revokeFamily(current.familyId(), now);
      throw new RefreshRefused(new Refusal(true, current.userId()));
    }
    if (current.isUsed() || current.isRevoked() || !now.isBefore(current.familyExpiresAt())) {
      throw new RefreshRefused(new Refusal(false, current.userId()));
    }
    current.markUsed(now);
    return issue(current.familyId(), current.userId(), now, current.familyExpiresAt());
  }

  /**
   * The user of a kept sign-in, whose token is shown again rather than rotated: a sign-in of the
   * platform's own pages, which a browser carries to whichever node serves it. The token must be
   * unused, unrevoked, unexpired and seen within {@code idle}; it is marked seen now.
   */
  @Transactional
  @AsPlatform
  public Optional<UUID> keptBy(String token, Duration idle) {
    Instant now = Instant.now();
    return entityManager
        .createQuery("select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
        .setParameter("hash", hash(token))
        .getResultStream()
        .findFirst()
        .filter(t -> !t.isUsed() && !t.isRevoked() && now.isBefore(t.familyExpiresAt()))
        .filter(t -> now.isBefore(t.lastSeenAt().plus(idle)))
        .map(
            t -> {
              t.markSeen(now);
              return t.userId();
            });
  }

  /** A sign-in that can still be refreshed. */
  public record ActiveSession(
      UUID id, Instant startedAt, Instant lastRefreshedAt, Instant expiresAt) {}

  /** The user's sign-ins that can still be refreshed, newest first. */
  @Transactional
  @AsPlatform
  public List<ActiveSession> active(UUID userId) {
    Map<UUID, List<RefreshToken>> families =
        entityManager
            .createQuery(
                "select t from RefreshToken t where t.userId = :user and t.revokedAt is null"
                    + " and t.familyExpiresAt > :now",
                RefreshToken.class)
            .setParameter("user", userId)
            .setParameter("now", Instant.now())
            .getResultList()
            .stream()
            .collect(Collectors.groupingBy(RefreshToken::familyId));
    return families.entrySet().stream()
        .filter(family -> family.getValue().stream().anyMatch(t -> !t.isUsed()))
        .map(family -> session(family.getKey(), family.getValue()))
        .sorted(Comparator.comparing(ActiveSession::lastRefreshedAt).reversed())
        .toList();
  }

  private static ActiveSession session(UUID familyId, List<RefreshToken> tokens) {
    Instant started =
        tokens.stream().map(RefreshToken::issuedAt).min(Comparator.naturalOrder()).orElseThrow();
    Instant last =
        tokens.stream().map(RefreshToken::issuedAt).max(Comparator.naturalOrder()).orElseThrow();
    return new ActiveSession(familyId, started, last, tokens.get(0).familyExpiresAt());
  }

  /**
   * Ends one of the user's sign-ins.
   *
   * @return whether the user had such a sign-in
   */
  @Transactional
  @AsPlatform
  public boolean revoke(UUID userId, UUID familyId) {
    return entityManager
            .createQuery(
                "update RefreshToken t set t.revokedAt = :now where t.userId = :user"
                    + " and t.familyId = :family and t.revokedAt is null")
            .setParameter("now", Instant.now())
            .setParameter("user", userId)
            .setParameter("family", familyId)
            .executeUpdate()
        > 0;
  }

  /** Ends the sign-in {@code token} belongs to; an unknown token is ignored. */
  @Transactional
  @AsPlatform
  public void revokeFamilyOf(String token) {
    entityManager
        .createQuery("select t.familyId from RefreshToken t where t.tokenHash = :hash", UUID.class)
        .setParameter("hash", hash(token))
        .getResultStream()
        .findFirst()
        .ifPresent(family -> revokeFamily(family, Instant.now()));
  }

  /** Ends every sign-in of a user. */
  @Transactional
  @AsPlatform
  public int revokeAll(UUID userId) {
    return entityManager
        .createQuery(
            "update RefreshToken t set t.revokedAt = :now"
                + " where t.userId = :user and t.revokedAt is null")
        .setParameter("now", Instant.now())
        .setParameter("user", userId)
        .executeUpdate();
  }

  private void revokeFamily(UUID familyId, Instant now) {
    entityManager
        .createQuery(
            "update RefreshToken t set t.revokedAt = :now"
                + " where t.familyId = :family and t.revokedAt is null")
        .setParameter("now", now)
        .setParameter("family", familyId)
        .executeUpdate();
  }

  private Issued issue(UUID familyId, UUID userId, Instant now, Instant familyExpiresAt) {
    String token = OpaqueTokens.generate();
    entityManager.persist(new RefreshToken(familyId, userId, hash(token), now, familyExpiresAt));
    return new Issued(token, userId, familyExpiresAt);
  }

  private static String hash(String token) {
    return OpaqueTokens.hash(token);
  }

  /** A refresh token that was refused; says whether it was a replay. */
  public static final class RefreshRefused extends RuntimeException {

    private final transient Refusal refusal;

    RefreshRefused(Refusal refusal) {
      super("refresh token refused", null, false, false);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }
}
