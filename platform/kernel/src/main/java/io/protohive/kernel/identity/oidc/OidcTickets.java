package io.protohive.kernel.identity.oidc;

import io.protohive.kernel.identity.OpaqueTokens;
import io.protohive.kernel.platform.AsPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tickets that hand a provider sign-in from the callback over to the UI, in an httpOnly cookie:
 * single-use, a minute long, and kept in the database as hashes, so no one who reads the table or
 * the cache of a node can redeem or forge one.
 */
@ApplicationScoped
public class OidcTickets {

  /** The cookie the ticket travels in, from the callback to the UI. */
  public static final String COOKIE = "protohive_oidc_ticket";

  public static final Duration LIFETIME = Duration.ofSeconds(60);

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Transactional
  @AsPlatform
  public String issue(ProviderSignIn signIn) {
    Instant now = Instant.now();
    entityManager
        .createQuery("delete from OidcTicket t where t.expiresAt < :now")
        .setParameter("now", now)
        .executeUpdate();
    String ticket = OpaqueTokens.generate();
    entityManager.persist(new OidcTicket(OpaqueTokens.hash(ticket), signIn, now.plus(LIFETIME)));
    return ticket;
  }

  /** The ticket's hand-over, once: empty when unknown, already redeemed or expired. */
  @Transactional
  @AsPlatform
  public Optional<OidcTicket> redeem(String ticket) {
    String hash = OpaqueTokens.hash(ticket == null ? "" : ticket);
    OidcTicket found = entityManager.find(OidcTicket.class, hash);
    if (found == null) {
      return Optional.empty();
    }
    // of two redemptions at once, only one deletes the row
    int deleted =
        entityManager
            .createQuery("delete from OidcTicket t where t.tokenHash = :hash")
            .setParameter("hash", hash)
            .executeUpdate();
    return deleted == 1 && found.expiresAt().isAfter(Instant.now())
        ? Optional.of(found)
        : Optional.empty();
  }
}
