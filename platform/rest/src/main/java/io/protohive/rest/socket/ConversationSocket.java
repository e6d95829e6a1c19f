package io.protohive.rest.socket;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.conversation.ConversationEvent;
import io.protohive.kernel.conversation.ConversationEvents;
import io.protohive.kernel.conversation.ConversationService;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.AccessTokenVerifier;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.observability.PlatformMetrics;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.task.TaskEvent;
import io.protohive.kernel.task.TaskEvents;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The real-time door of the API: a client connects with its access token ({@code ?access_token=},
 * since browsers cannot set headers on a WebSocket), subscribes to conversations, and receives
 * their events as JSON frames {@code {id, type, conversationId, runId, data}}. Subscribing with
 * {@code lastEventId} resumes exactly after that event. A malformed frame is answered with an error
 * frame; the socket stays open. The socket closes with 1008 (policy violation) once its token
 * expires or the account's sessions end; a subscription the caller lost the right to ends with an
 * {@code unsubscribed} frame.
 */
@ServerEndpoint("/api/v1/socket")
@Dependent
public class ConversationSocket {

  private static final Logger LOG = Logger.getLogger(ConversationSocket.class.getName());
  static final int MAX_FRAME = 16 * 1024;

  @Inject AccessTokenVerifier tokens;
  @Inject ConversationEvents events;
  @Inject ConversationService conversations;
  @Inject TaskEvents taskEvents;
  @Inject Authorization authorization;
  @Inject SocketRecheck recheck;
  @Inject PlatformMetrics metrics;

  private Caller caller;
  private String token;
  private ScheduledFuture<?> rechecking;
  private final Map<UUID, Subscription> subscriptions = new ConcurrentHashMap<>();

  /** Whether the open sockets count this one: a socket ends once, though it may close twice. */
  private final AtomicBoolean counted = new AtomicBoolean();

  /** A live subscription, and the check that the caller may still have it. */
  private record Subscription(AutoCloseable handle, Runnable authorize, String kind) {}

  @OnOpen
  public void open(Session session) throws IOException {
    List<String> given = session.getRequestParameterMap().get("access_token");
    Caller verified;
    try {
      AccessTokenVerifier.Verified admitted =
          tokens.verify(given == null || given.isEmpty() ? null : given.get(0), null);
      admitted.require(Scope.READ);
      verified = admitted.caller();
    } catch (Rejection e) {
      verified = null;
    }
    if (verified == null || verified.tenantId() == null) {
      session.close(
          new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, AccessTokenVerifier.INVALID));
      return;
    }
    token = given.get(0);
    caller = verified;
    session.setMaxTextMessageBufferSize(MAX_FRAME);
    rechecking = recheck.every(() -> recheck(session));
    counted.set(true);
    metrics.socketOpened();
  }

  /**
   * Whether the caller may still have this socket (the token's check, again); closes it when not.
   */
  private boolean stands(Session session) {
    String ended;
    try {
      tokens.verify(token, null);
      return true;
    } catch (Rejection e) {
      ended = e.getMessage();
    }
    synchronized (session) {
      try {
        if (session.isOpen()) {
          session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, ended));
        }
      } catch (IOException e) {
        LOG.fine(() -> "A socket did not close: " + e.getMessage());
      }
    }
    closed(session);
    return false;
  }

  /** Ends the subscriptions the caller lost the right to, such as on leaving an organization. */
  private void recheck(Session session) {
    if (!stands(session)) {
      return;
    }
    subscriptions.forEach(
        (id, subscription) -> {
          try {
            subscription.authorize().run();
          } catch (Rejection e) {
            if (subscriptions.remove(id, subscription)) {
              close(subscription.handle());
              send(
                  session,
                  Json.createObjectBuilder()
                      .add("type", "unsubscribed")
                      .add(subscription.kind(), id.toString())
                      .add("detail", e.getMessage())
                      .build()
                      .toString());
            }
          }
        });
  }

  @OnMessage
  public void message(Session session, String frame) {
    if (!stands(session)) {
      return;
    }
    JsonObject request;
    try (JsonReader reader = Json.createReader(new StringReader(frame))) {
      request = reader.readObject();
    } catch (JsonParsingException | ClassCastException e) {
      error(session, "Send a JSON object such as {\"type\":\"subscribe\",\"conversationId\":...}.");
      return;
    }
    String type = request.getString("type", "");
    if (request.containsKey("organizationId")) {
      tasks(session, type, request);
      return;
    }
    UUID conversationId;
    try {
      conversationId = UUID.fromString(request.getString("conversationId", ""));
    } catch (IllegalArgumentException e) {
      error(session, "conversationId must be the id of a conversation.");
      return;
    }
    switch (type) {
      case "subscribe" -> subscribe(session, conversationId, request);
      case "unsubscribe" -> close(subscriptions.remove(conversationId));
      default -> error(session, "type is subscribe or unsubscribe.");
    }
  }

  private void subscribe(Session session, UUID conversationId, JsonObject request) {
    long after;
    try {
      after =
          request.containsKey("lastEventId") ? request.getJsonNumber("lastEventId").longValue() : 0;
    } catch (ClassCastException e) {
      error(session, "lastEventId must be the id of an event.");
      return;
    }
    close(subscriptions.remove(conversationId));
    try {
      // acknowledged first, so that the replayed events follow the acknowledgement
      conversations.get(caller, conversationId);
      send(
          session,
          Json.createObjectBuilder()
              .add("type", "subscribed")
              .add("conversationId", conversationId.toString())
              .build()
              .toString());
      subscriptions.put(
          conversationId,
          new Subscription(
              events.subscribe(
                  caller,
                  conversationId,
                  after,
                  event -> {
                    if (stands(session)) {
                      send(session, event);
                    }
                  }),
              () -> conversations.get(caller, conversationId),
              "conversationId"));
    } catch (Rejection e) {
      error(session, e.getMessage());
    }
  }

  /** Live task events of an organization; nothing is replayed, a client reads the board again. */
  private void tasks(Session session, String type, JsonObject request) {
    UUID organizationId;
    try {
      organizationId = UUID.fromString(request.getString("organizationId", ""));
    } catch (IllegalArgumentException | ClassCastException e) {
      error(session, "organizationId must be the id of an organization.");
      return;
    }
    close(subscriptions.remove(organizationId));
    switch (type) {
      case "subscribe" -> {
        try {
          AutoCloseable subscription =
              taskEvents.subscribe(
                  caller,
                  organizationId,
                  event -> {
                    if (stands(session)) {
                      send(session, event);
                    }
                  });
          send(
              session,
              Json.createObjectBuilder()
                  .add("type", "subscribed")
                  .add("organizationId", organizationId.toString())
                  .build()
                  .toString());
          subscriptions.put(
              organizationId,
              new Subscription(
                  subscription,
                  () -> authorization.organization(caller, organizationId, Permission.VIEW),
                  "organizationId"));
        } catch (Rejection e) {
          error(session, e.getMessage());
        }
      }
      case "unsubscribe" -> {}
      default -> error(session, "type is subscribe or unsubscribe.");
    }
  }

  @OnClose
  public void closed(Session session) {
    if (counted.compareAndSet(true, false)) {
      metrics.socketClosed();
    }
    if (rechecking != null) {
      rechecking.cancel(false);
    }
    subscriptions.values().forEach(ConversationSocket::close);
    subscriptions.clear();
  }

  @OnError
  public void failed(Session session, Throwable error) {
    LOG.fine(() -> "Socket closed by an error: " + error);
    closed(session);
  }

  private static void send(Session session, ConversationEvent event) {
    send(
        session,
        Json.createObjectBuilder()
            .add("id", event.id())
            .add("type", event.type())
            .add("conversationId", event.conversationId().toString())
            .add("runId", event.runId() == null ? "" : event.runId().toString())
            .add("data", Json.createReader(new StringReader(event.payload())).readObject())
            .build()
            .toString());
  }

  private static void send(Session session, TaskEvent event) {
    send(
        session,
        Json.createObjectBuilder()
            .add("type", event.type())
            .add("organizationId", event.organizationId().toString())
            .add("taskId", event.taskId().toString())
            .add("data", Json.createReader(new StringReader(event.payload())).readObject())
            .build()
            .toString());
  }

  private static void error(Session session, String detail) {
    send(
        session,
        Json.createObjectBuilder().add("type", "error").add("detail", detail).build().toString());
  }

  /**
   * Frames of one socket are sent one at a time: the basic remote is not safe for concurrent use.
   */
  private static void send(Session session, String frame) {
    synchronized (session) {
      if (!session.isOpen()) {
        return;
      }
      try {
        session.getBasicRemote().sendText(frame);
      } catch (IOException e) {
        LOG.fine(() -> "A frame was not sent: " + e.getMessage());
      }
    }
  }

  private static void close(Subscription subscription) {
    if (subscription != null) {
      close(subscription.handle());
    }
  }

  private static void close(AutoCloseable subscription) {
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.fine(() -> "A subscription did not close: " + e);
    }
  }
}
