package io.protohive.ui.signin;

import com.vaadin.flow.router.BeforeEnterEvent;
import io.protohive.kernel.identity.Caller;
import io.protohive.ui.home.HomeView;
import java.util.Optional;

/**
 * A view for signed-in people in a role: anyone signed out is sent to the sign-in page, anyone
 * without the role to the home page. The role is asked of the kernel on every entry, not read from
 * the session's snapshot.
 */
public interface RoleOnly extends SignedInOnly {

  /** Whether the caller holds the role the view needs. */
  boolean admits(Caller caller);

  /** Fills the view for a person it admitted; views filled when built need nothing more. */
  default void entered() {}

  @Override
  default void beforeEnter(BeforeEnterEvent event) {
    Optional<SignedInUser> user = SignedInUser.current();
    if (user.isEmpty()) {
      event.forwardTo(SignInView.class);
    } else if (admits(user.get().caller())) {
      entered();
    } else {
      event.forwardTo(HomeView.class);
    }
  }
}
