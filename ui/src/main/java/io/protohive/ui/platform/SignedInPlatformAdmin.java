package io.protohive.ui.platform;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.identity.Caller;
import io.protohive.ui.signin.SignedInUser;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;

/**
 * The signed-in person while the kernel holds them a platform admin, asked on every use rather than
 * read from the session's snapshot; views use it to show or hide, the kernel's use cases check
 * again.
 */
public final class SignedInPlatformAdmin {

  private SignedInPlatformAdmin() {}

  public static Optional<Caller> current() {
    return SignedInUser.current()
        .map(SignedInUser::caller)
        .filter(caller -> CDI.current().select(Authorization.class).get().isPlatformAdmin(caller));
  }
}
