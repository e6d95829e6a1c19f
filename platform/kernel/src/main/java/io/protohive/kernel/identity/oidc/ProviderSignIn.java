package io.protohive.kernel.identity.oidc;

import io.protohive.kernel.identity.AccountView;
import io.protohive.kernel.identity.SignInService.SignedIn;
import io.protohive.kernel.identity.UserAccount;
import io.protohive.kernel.platform.TenantBound;
import io.protohive.kernel.tenancy.OidcProvider;
import io.protohive.kernel.tenancy.Tenant;
import java.util.Optional;
import java.util.UUID;

/**
 * A person a tenant's provider vouched for, and the account they reach.
 *
 * @param subject the provider's {@code sub} for the person
 * @param confirmationNeeded the account exists but is not linked to this person yet: its owner
 *     confirms the link (with the account's password) before anyone is signed in
 */
public record ProviderSignIn(
    UserAccount account,
    Tenant tenant,
    OidcProvider provider,
    String subject,
    boolean confirmationNeeded)
    implements TenantBound {

  @Override
  public UUID tenantId() {
    return tenant.id();
  }

  /** The account as the doors see it. */
  public AccountView accountView() {
    return AccountView.of(account);
  }

  /** The sign-in this stands for; only once no confirmation is needed. */
  public SignedIn signedIn() {
    if (confirmationNeeded) {
      throw new IllegalStateException("the account's owner has not confirmed the link");
    }
    return new SignedIn(account, Optional.of(tenant));
  }
}
