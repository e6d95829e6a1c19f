package io.protohive.ui.signin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.HandlerHelper.RequestType;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SynchronizedRequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.protohive.kernel.identity.AccountStanding;
import io.protohive.kernel.identity.AccountStandings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends a UI session once the account was disabled or its sessions were ended on any node: at once
 * when this node hears of the change, signing the person out, emptying each of its pages and
 * sending it to sign in over push; and in any case on its next request (a page load, a click, a
 * heartbeat), before the request does anything.
 */
@ApplicationScoped
public class SessionStandingCheck {

  @Inject AccountStandings standings;

  // the signed-in sessions of this node by account, as their requests show them
  private final Map<VaadinSession, UUID> accounts = new ConcurrentHashMap<>();

  void serviceInit(@Observes ServiceInitEvent event) {
    event.addRequestHandler(new Check());
    event
        .getSource()
        .addSessionDestroyListener(destroyed -> accounts.remove(destroyed.getSession()));
    standings.onChange(this::changed);
  }

  private void changed(UUID accountId, AccountStanding standing) {
    accounts.forEach(
        (session, account) -> {
          if (account.equals(accountId)) {
            session.access(() -> endIfFallen(session, standing));
          }
        });
  }

  /**
   * Runs with the session's lock held, on a thread outside any request. The person is signed out of
   * the session, but the session itself is not ended here: that would take the push that sends the
   * page away with it. Its pages are emptied first, so nothing on them still answers a click; the
   * sign-in page then opens in the session, which holds nobody, and signing in again gives it a new
   * id.
   */
  private void endIfFallen(VaadinSession session, AccountStanding standing) {
    SignedInUser user = session.getAttribute(SignedInUser.class);
    if (user == null || standing.admits(user.generation())) {
      return;
    }
    SignedInUser.leave(session);
    accounts.remove(session);
    for (UI ui : session.getUIs()) {
      ui.removeAll();
      // relative to the page's base, which is the application's root
      ui.getPage().setLocation(SignInView.ROUTE);
      ui.push();
    }
  }

  private final class Check extends SynchronizedRequestHandler {

    @Override
    public boolean synchronizedHandleRequest(
        VaadinSession session, VaadinRequest request, VaadinResponse response) throws IOException {
      SignedInUser user = session.getAttribute(SignedInUser.class);
      if (user == null) {
        accounts.remove(session);
        return false;
      }
      if (standings.admits(user.id(), user.generation())) {
        accounts.put(session, user.id());
        return false;
      }
      accounts.remove(session);
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
