package io.protohive.ui.layout;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * Tells the person how an action went, in a notification that leaves by itself: a refusal stays
 * longer, since its message says what to do differently.
 */
public final class Notices {

  private static final int SUCCESS_MILLIS = 4_000;
  private static final int ERROR_MILLIS = 10_000;

  private Notices() {}

  public static void success(String message) {
    Notification.show(message, SUCCESS_MILLIS, Notification.Position.BOTTOM_START)
        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  public static void error(String message) {
    Notification.show(message, ERROR_MILLIS, Notification.Position.BOTTOM_START)
        .addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}
