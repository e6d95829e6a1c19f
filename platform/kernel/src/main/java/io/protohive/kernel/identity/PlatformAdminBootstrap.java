package io.protohive.kernel.identity;

import io.protohive.kernel.platform.AsPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates the first platform admin on the first start. Its password is the operator's {@code
 * PROTOHIVE_ADMIN_PASSWORD} or, failing that, generated and written to an owner-only file in the
 * data folder, never to the log; there is never a built-in default.
 */
@ApplicationScoped
public class PlatformAdminBootstrap {

  private static final Logger LOG = Logger.getLogger(PlatformAdminBootstrap.class.getName());

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  private final PasswordHasher hasher = new PasswordHasher();

  /** Does nothing when a platform admin exists already. */
  @Transactional
  @AsPlatform
  public void ensureAdmin(String email, Optional<String> configuredPassword, Path dataFolder) {
    long admins =
        entityManager
            .createQuery(
                "select count(u) from UserAccount u where u.platformAdmin = true", Long.class)
            .getSingleResult();
    if (admins > 0) {
      return;
    }
    String password =
        configuredPassword.filter(p -> !p.isBlank()).orElseGet(InitialAdminPassword::generate);
    // stored as every look-up compares it, so that no tenant's account can take it in other case
    entityManager.persist(
        UserAccount.platformAdmin(
            Credentials.normalizeEmail(email), hasher.hash(password.toCharArray()), Instant.now()));
    if (configuredPassword.filter(p -> !p.isBlank()).isPresent()) {
      LOG.info(
          () ->
              "Platform admin "
                  + email
                  + " created with the password from PROTOHIVE_ADMIN_PASSWORD");
    } else {
      Path file = InitialAdminPassword.write(dataFolder, password);
      // logs travel to collectors and tickets: the password stays in the owner-only file
      LOG.warning(
          () ->
              "Platform admin "
                  + email
                  + " created with a generated password, kept in "
                  + file
                  + " (readable by its owner only); change it after signing in");
    }
  }
}
