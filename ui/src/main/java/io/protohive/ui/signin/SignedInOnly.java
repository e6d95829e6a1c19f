package io.protohive.ui.signin;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

/** A view for signed-in people: anyone else is sent to the sign-in page. */
public interface SignedInOnly extends BeforeEnterObserver {

  @Override
  default void beforeEnter(BeforeEnterEvent event) {
    if (SignedInUser.current().isEmpty()) {
      event.forwardTo(SignInView.class);
    }
  }
}
