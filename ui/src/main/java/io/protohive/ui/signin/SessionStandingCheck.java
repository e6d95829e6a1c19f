package io.protohive.ui.signin;

import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.HandlerHelper.RequestType;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SynchronizedRequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.protohive.kernel.identity.AccountStandings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Ends a UI session on its next request (a page load, a click, a heartbeat; with push the browser
 * sends its messages as requests too) once the account was disabled or its sessions were ended on
 * any node; the browser is sent to the sign-in page before the request does anything.
 */
@ApplicationScoped
public class SessionStandingCheck {

  @Inject AccountStandings standings;

  void serviceInit(@Observes ServiceInitEvent event) {
    event.addRequestHandler(new Check());
  }

  private final class Check extends SynchronizedRequestHandler {

    @Override
    public boolean synchronizedHandleRequest(
        VaadinSession session, VaadinRequest request, VaadinResponse response) throws IOException {
      SignedInUser user = session.getAttribute(SignedInUser.class);
      if (user == null || standings.admits(user.id(), user.generation())) {
        return false;
      }
      SignedInUser.end(session);
      String signIn = request.getContextPath() + "/" + SignInView.ROUTE;
      if (HandlerHelper.isRequestType(request, RequestType.UIDL)) {
        // the client follows a critical notification that has nothing to show but a location
        response.setContentType("application/json; charset=UTF-8");
        response
            .getOutputStream()
            .write(
                VaadinService.createCriticalNotificationJSON(null, null, null, signIn)
                    .getBytes(StandardCharsets.UTF_8));
      } else {
        response.setStatus(302);
        response.setHeader("Location", signIn);
      }
      return true;
    }
  }
}
