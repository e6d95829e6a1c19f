package io.protohive.rest.auth;

import io.protohive.kernel.identity.AccountView;
import java.util.UUID;

/** A newly created account. */
public record AccountResponse(
    UUID id, String email, String displayName, String tenant, boolean emailVerified) {

  static AccountResponse of(AccountView account, String tenant) {
    return new AccountResponse(
        account.id(), account.email(), account.displayName(), tenant, account.emailVerified());
  }
}
