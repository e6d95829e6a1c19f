package io.protohive.kernel.idempotency;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first answer to each request a person sent with an {@code Idempotency-Key}, so that a retry
 * is answered again instead of done again. A key belongs to one person of one tenant: nobody else's
 * request can claim it, see it or replay its answer. A key is claimed before the work and answered
 * after it; a request that fails is forgotten, so its retry does the work. A claim whose answer
 * never came (the server died in between) holds the key until it expires: a retry is refused rather
 * than risk doing the work twice. Keys expire after {@link #LIFETIME}.
 *
 * <p>Thread-safe: two requests with the same key at once are serialized by the table's primary key.
 */
@ApplicationScoped
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  public static final Duration LIFETIME = Duration.ofHours(24);

  /** What a key is: 1 to 255 visible ASCII characters. */
  public static final String FORM = "^[\\x21-\\x7e]{1,255}$";

  static final Pattern KEY = Pattern.compile(FORM);

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** The first answer to a request: its status, {@code Location} (or null) and JSON body. */
  public record Answer(int status, String location, String body) {}

  /**
   * Claims the key for a request, or finds the answer it already had.
   *
   * @param fingerprint the {@link RequestFingerprint} of the request
   * @return empty when the request is to be done (then {@link #answer} or {@link #release} the
   *     key), else the first answer to give again
   * @throws Rejection INVALID for a malformed key, UNPROCESSABLE when the key was used for another
   *     request, CONFLICT while the first request with the key is still being done
   */
  @Transactional
  @InTenant
  public Optional<Answer> claim(Caller caller, String key, String fingerprint) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw Rejection.invalid(HEADER, "An Idempotency-Key is 1 to 255 visible ASCII characters.");
    }
    if (caller.tenantId() == null) {
      throw Rejection.invalid(HEADER, "Idempotency keys are for people of a tenant.");
    }
    // every expired key of the person goes, so that a person's keys never outgrow a day's requests
    entityManager
        .createNativeQuery("delete from idempotency_key where user_id = ?1 and expires_at <= now()")
        .setParameter(1, caller.userId())
        .executeUpdate();
    int claimed =
        entityManager
            .createNativeQuery(
                "insert into idempotency_key"
                    + " (tenant_id, user_id, idempotency_key, fingerprint, created_at, expires_at)"
                    + " values (?1, ?2, ?3, ?4, now(), now() + make_interval(secs => ?5))"
                    + " on conflict do nothing")
            .setParameter(1, caller.tenantId())
            .setParameter(2, caller.userId())
            .setParameter(3, key)
            .setParameter(4, fingerprint)
            .setParameter(5, LIFETIME.toSeconds())
            .executeUpdate();
    if (claimed == 1) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select fingerprint, status, location, body from idempotency_key"
                    + " where user_id = ?1 and idempotency_key = ?2")
            .setParameter(1, caller.userId())
            .setParameter(2, key)
            .getResultList();
    if (rows.isEmpty()) {
      // the first request failed and let its key go between our insert and this read
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "The first request with this Idempotency-Key just ended; retry.");
    }
    Object[] first = rows.get(0);
    if (!fingerprint.equals(first[0])) {
      throw Rejection.of(
          Rejection.Kind.UNPROCESSABLE,
          "This Idempotency-Key was used for another request; use a new key for this one.");
    }
    if (first[1] == null) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "The first request with this Idempotency-Key is still being done; retry shortly.");
    }
    return Optional.of(
        new Answer(((Number) first[1]).intValue(), (String) first[2], (String) first[3]));
  }

  /** Keeps the answer to a claimed key, to be given to every retry until the key expires. */
  @Transactional
  @InTenant
  public void answer(Caller caller, String key, Answer answer) {
    entityManager
        .createNativeQuery(
            "update idempotency_key set status = ?3, location = ?4, body = ?5"
                + " where user_id = ?1 and idempotency_key = ?2")
        .setParameter(1, caller.userId())
        .setParameter(2, key)
        .setParameter(3, answer.status())
        .setParameter(4, answer.location())
        .setParameter(5, answer.body())
        .executeUpdate();
  }

  /** Forgets a claimed key whose request failed, so that its retry is done. */
  @Transactional
  @InTenant
  public void release(Caller caller, String key) {
    entityManager
        .createNativeQuery(
            "delete from idempotency_key"
                + " where user_id = ?1 and idempotency_key = ?2 and status is null")
        .setParameter(1, caller.userId())
        .setParameter(2, key)
        .executeUpdate();
  }
}
