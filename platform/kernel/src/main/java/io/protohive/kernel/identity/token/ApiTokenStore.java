package io.protohive.kernel.identity.token;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.OpaqueTokens;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rows of API tokens, which are the platform's own, looked up by hash before any tenant is
 * known: every method works in the platform scope. {@link ApiTokens} checks whose tokens a caller
 * may manage before it comes here.
 */
@ApplicationScoped
class ApiTokenStore {

  static final int DEFAULT_DAYS = 90;
  static final int MAX_DAYS = 366;
  static final int MAX_NAME = 100;

  /** Active tokens per account: plenty for every program one owner runs, and a bound on rows. */
  static final int MAX_ACTIVE = 50;

  private static final int HINT = 4;

  // writing the last use on every request would make each read a write
  private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject AuditLog audit;

  /**
   * A new token of {@code ownerId}, made by {@code creator}.
   *
   * @param tenantId the owner's tenant, for the audit trail
   */
  @Transactional
  @AsPlatform
  ApiTokens.IssuedToken issue(
      UUID ownerId, UUID tenantId, Caller creator, ApiTokens.TokenRequest request, String address) {
    if (request == null) {
      throw Rejection.invalid("name", "Name the token and choose its scopes.");
    }
    String name = Optional.ofNullable(request.name()).map(String::strip).orElse("");
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw Rejection.invalid(
          "name", "Name the token (up to " + MAX_NAME + " characters), so you know it later.");
    }
    Set<Scope> scopes = Scope.parse(request.scopes());
    int days = Objects.requireNonNullElse(request.expiresInDays(), DEFAULT_DAYS);
    if (days < 1 || days > MAX_DAYS) {
      throw Rejection.invalid(
          "expiresInDays", "A token expires in 1 to " + MAX_DAYS + " days; choose within these.");
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    if (active(ownerId, now) >= MAX_ACTIVE) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "This account has " + MAX_ACTIVE + " active tokens; revoke one before making another.");
    }
    String token = ApiTokens.PREFIX + OpaqueTokens.generate();
    ApiToken made =
        new ApiToken(
            ownerId,
            name,
            scopes,
            OpaqueTokens.hash(token),
            token.substring(token.length() - HINT),
            creator.userId(),
            now,
            now.plus(Duration.ofDays(days)));
    entityManager.persist(made);
    audit.record(tenantId, creator.userId(), Action.API_TOKEN_CREATED, name, address);
    return new ApiTokens.IssuedToken(made.view(), token);
  }

  /** The account's tokens, newest first, revoked and expired ones included. */
  @Transactional
  @AsPlatform
  List<ApiTokens.TokenView> of(UUID ownerId) {
    return entityManager
        .createQuery("select t from ApiToken t where t.userId = :owner", ApiToken.class)
        .setParameter("owner", ownerId)
        .getResultStream()
        .sorted(Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::id).reversed())
        .map(ApiToken::view)
        .toList();
  }

  /**
   * Revokes a token of {@code ownerId}; at once, on every node, since each use reads it.
   *
   * @throws Rejection NOT_FOUND unless the account has this token
   */
  @Transactional
  @AsPlatform
  void revoke(UUID ownerId, UUID tenantId, Caller actor, UUID tokenId, String address) {
    ApiToken token = entityManager.find(ApiToken.class, tokenId);
    if (token == null || !token.userId().equals(ownerId)) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No token with this id.");
    }
    if (!token.isRevoked()) {
      token.revoke(Instant.now());
      audit.record(
          tenantId, actor.userId(), Action.API_TOKEN_REVOKED, token.view().name(), address);
    }
  }

  /**
   * The check of an API token on every use: known, not revoked, not expired, and its account and
   * tenant enabled; notes when and from where it was used. In one database round trip, and in a
   * transaction of its own, so that it never changes the caller's database scope.
   *
   * @param address where it is used from; none from the socket, whose handshake does not say
   * @throws Rejection UNAUTHENTICATED saying why, for any token that does not pass
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @AsPlatform
  AccessTokenVerifier.Verified verify(String token, String address) {
    List<?> rows =
        entityManager
            .createNativeQuery(
                "select t.id, t.user_id, u.tenant_id, t.scopes, t.expires_at, t.revoked_at,"
                    + " t.last_used_at, t.last_used_address, u.disabled or coalesce(n.disabled,"
                    + " false), u.session_generation"
                    + " from api_token t join user_account u on u.id = t.user_id"
                    + " left join tenant n on n.id = u.tenant_id where t.token_hash = ?1")
            .setParameter(1, OpaqueTokens.hash(token))
            .getResultList();
    if (rows.isEmpty()) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, AccessTokenVerifier.INVALID);
    }
    Object[] row = (Object[]) rows.get(0);
    Instant now = Instant.now();
    Instant expiresAt = instant(row[4]);
    if (row[5] != null) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, "This API token was revoked.");
    }
    if (!expiresAt.isAfter(now)) {
      throw Rejection.of(
          Rejection.Kind.UNAUTHENTICATED,
          "This API token expired on " + expiresAt.truncatedTo(ChronoUnit.SECONDS) + ".");
    }
    if ((Boolean) row[8]) {
      throw Rejection.of(
          Rejection.Kind.UNAUTHENTICATED, "The account or tenant of this API token is disabled.");
    }
    Instant lastUsed = row[6] == null ? null : instant(row[6]);
    String usedFrom = address == null ? (String) row[7] : address;
    if (lastUsed == null
        || lastUsed.isBefore(now.minus(LAST_USE_PRECISION))
        || !Objects.equals(usedFrom, row[7])) {
      entityManager
          .createNativeQuery(
              "update api_token set last_used_at = ?1, last_used_address = ?2 where id = ?3")
          .setParameter(1, Timestamp.from(now))
          .setParameter(2, usedFrom)
          .setParameter(3, row[0])
          .executeUpdate();
    }
    Caller caller = new Caller((UUID) row[1], (UUID) row[2]);
    return new AccessTokenVerifier.Verified(
        caller, ((Number) row[9]).longValue(), expiresAt, Scope.split((String) row[3]));
  }

  private long active(UUID ownerId, Instant now) {
    return entityManager
        .createQuery(
            "select count(t) from ApiToken t where t.userId = :owner and t.revokedAt is null"
                + " and t.expiresAt > :now",
            Long.class)
        .setParameter("owner", ownerId)
        .setParameter("now", now)
        .getSingleResult();
  }

  private static Instant instant(Object value) {
    return ((Timestamp) value).toInstant();
  }
}
