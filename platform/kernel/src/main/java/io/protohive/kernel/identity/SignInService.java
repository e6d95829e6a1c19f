package io.protohive.kernel.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;

/** Checks email and password against the stored accounts. */
@ApplicationScoped
public class SignInService {

  // compared against when no account matches, so a miss costs as much time as a hit
  private static final String DECOY_HASH = new PasswordHasher().hash("decoy".toCharArray());

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  private final PasswordHasher hasher = new PasswordHasher();

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<UserAccount> authenticate(String email, char[] password) {
    Optional<UserAccount> account =
        entityManager
            .createQuery(
                "select u from UserAccount u where lower(u.email) = :email", UserAccount.class)
            .setParameter("email", email == null ? "" : email.trim().toLowerCase(Locale.ROOT))
            .getResultStream()
            .findFirst();
    boolean matches =
        hasher.verify(password, account.map(UserAccount::passwordHash).orElse(DECOY_HASH));
    return account.filter(a -> matches);
  }
}
