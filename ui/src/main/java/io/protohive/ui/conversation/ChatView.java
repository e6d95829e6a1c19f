package io.protohive.ui.conversation;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.PreserveOnRefresh;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.protohive.kernel.conversation.AgentRuntime;
import io.protohive.kernel.conversation.ConversationEvent;
import io.protohive.kernel.conversation.ConversationEvents;
import io.protohive.kernel.conversation.ConversationService;
import io.protohive.kernel.conversation.ConversationService.Posted;
import io.protohive.kernel.conversation.ConversationView;
import io.protohive.kernel.conversation.MessageView;
import io.protohive.kernel.file.FileService;
import io.protohive.kernel.file.UploadSpool;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.ColoredInitial;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.organization.OrganizationDetailView;
import io.protohive.ui.organization.OrganizationsView;
import io.protohive.ui.signin.SignedInOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A conversation with agents: its messages, a person's next one, and the agents' turns as they
 * happen, pushed to the page as their events arrive. The view subscribes to the conversation's
 * events while it is on a page and ends the subscription when it leaves; a page reloaded keeps the
 * view (and so what it has shown) and subscribes again from the last event it took.
 */
@Route(value = "conversations/:" + ChatView.CONVERSATION_ID, layout = MainLayout.class)
@PreserveOnRefresh
public class ChatView extends VerticalLayout implements SignedInOnly, HasDynamicTitle {

  public static final String CONVERSATION_ID = "conversationId";

  /** Who acts here; {@code null} only for a visitor, whom {@link #beforeEnter} sends away. */
  private final Caller caller = SignedInUser.current().map(SignedInUser::caller).orElse(null);

  private final ConversationService conversations;
  private final ConversationEvents events;
  private final AgentRuntime runtime;
  private final AgentService agents;
  private final OrganizationService organizations;
  private final FileService files;
  private final UploadSpool spool;
  private final RouterLink organizationLink = new RouterLink();
  private final H2 title = new H2();
  private final HorizontalLayout participants = new HorizontalLayout();
  private final TextArea input = new TextArea();
  private final Button stop = new Button("Stop", VaadinIcon.STOP.create());
  private ConversationView conversation;
  private Transcript transcript;
  private ChatAttachments attachments;
  private AutoCloseable subscription;

  @Inject
  public ChatView(
      ConversationService conversations,
      ConversationEvents events,
      AgentRuntime runtime,
      AgentService agents,
      OrganizationService organizations,
      FileService files,
      UploadSpool spool) {
    this.conversations = conversations;
    this.events = events;
    this.runtime = runtime;
    this.agents = agents;
    this.organizations = organizations;
    this.files = files;
    this.spool = spool;
    setId("chat");
    setSizeFull();

    title.getStyle().set("margin", "0");

    input.setId("chat-input");
    input.setPlaceholder("Write to the agents; @name asks one of them. Ctrl+Enter sends.");
    input.setWidthFull();
    input.setMaxHeight("12em");
    Button send = new Button("Send", VaadinIcon.PAPERPLANE.create(), click -> send());
    send.setId("chat-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.addClickShortcut(Key.ENTER, KeyModifier.CONTROL)
        .listenOn(input)
        .resetFocusOnActiveElement();
    stop.setId("chat-stop");
    stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
    stop.setEnabled(false);
    stop.addClickListener(click -> stop());
    HorizontalLayout composer = new HorizontalLayout(input, send, stop);
    composer.setWidthFull();
    composer.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);

    add(organizationLink, title, participants, composer);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SignedInOnly.super.beforeEnter(event);
    if (caller == null) {
      return;
    }
    try {
      UUID id = UUID.fromString(event.getRouteParameters().get(CONVERSATION_ID).orElse(""));
      if (conversation == null || !conversation.id().equals(id)) {
        open(id);
      }
    } catch (IllegalArgumentException | Rejection notFound) {
      event.forwardTo(OrganizationsView.class);
    }
  }

  @Override
  public String getPageTitle() {
    return (conversation == null ? "Conversation" : conversation.title()) + " · ProtoHive";
  }

  /** The route parameters that open a conversation here. */
  static RouteParameters parameters(UUID conversationId) {
    return new RouteParameters(CONVERSATION_ID, conversationId.toString());
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    subscribe(attachEvent.getUI());
  }

  @Override
  protected void onDetach(DetachEvent detachEvent) {
    unsubscribe();
    super.onDetach(detachEvent);
  }

  /** Shows a conversation; the view stays on the page when a person goes to another one. */
  private void open(UUID id) {
    ConversationView opened = conversations.get(caller, id);
    OrganizationView organization = organizations.get(caller, opened.organizationId());
    List<AgentView> staff = agents.list(caller, organization.id());
    Speakers speakers = new Speakers(staff, organizations.members(caller, organization.id()));
    Transcript shown =
        new Transcript(
            speakers,
            history(id),
            SignedInUser.current().map(SignedInUser::tenantAdmin).orElse(false));
    shown.addTraceRequestedListener(request -> showTrace(request.runId(), speakers));
    shown.setWidthFull();
    unsubscribe();
    if (transcript == null) {
      addComponentAtIndex(indexOf(participants) + 1, shown);
    } else {
      replace(transcript, shown);
    }
    setFlexGrow(1, shown);
    ChatAttachments attaching = new ChatAttachments(files, spool, caller, organization.id());
    if (attachments == null) {
      addComponentAtIndex(indexOf(shown) + 1, attaching);
    } else {
      replace(attachments, attaching);
    }
    conversation = opened;
    transcript = shown;
    attachments = attaching;

    organizationLink.setText("← " + organization.name());
    organizationLink.setRoute(
        OrganizationDetailView.class, new RouteParameters("id", organization.id().toString()));
    title.setText(opened.title());
    participants.removeAll();
    staff.stream()
        .filter(agent -> opened.agentIds().contains(agent.id()))
        .forEach(agent -> participants.add(participant(agent)));
    getUI().ifPresent(this::subscribe);
    changed();
  }

  private List<MessageView> history(UUID id) {
    return Page.every(cursor -> conversations.messages(caller, id, Page.MAX_LIMIT, cursor));
  }

  /**
   * Takes the conversation's events after the last one shown. They arrive on the thread of the
   * agent's turn; the transcript changes under the session's lock, and push sends the change.
   */
  private void subscribe(UI ui) {
    if (subscription != null || conversation == null) {
      return;
    }
    Transcript shown = transcript;
    subscription =
        events.subscribe(
            caller,
            conversation.id(),
            shown.lastEventId(),
            ui.accessLater(
                (ConversationEvent event) -> {
                  shown.apply(event);
                  changed();
                  if ("message.completed".equals(event.type())) {
                    // seen as it arrived: not news on the person's home page
                    conversations.read(caller, conversation.id());
                  }
                },
                () -> {
                  // the page has gone: nothing to show the event on
                }));
  }

  private void unsubscribe() {
    if (subscription == null) {
      return;
    }
    try {
      subscription.close();
    } catch (Exception e) {
      throw new IllegalStateException("Could not end the subscription", e);
    } finally {
      subscription = null;
    }
  }

  private void send() {
    try {
      Posted posted =
          conversations.say(
              caller, conversation.id(), input.getValue(), null, attachments.fileIds());
      transcript.showPosted(posted);
      attachments.clear();
      input.clear();
      input.setInvalid(false);
      changed();
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, Map.of("content", input), Notices::error);
    }
  }

  private void showTrace(UUID runId, Speakers speakers) {
    try {
      new RunTraceDialog(conversations.run(caller, runId), speakers).open();
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
  }

  private void stop() {
    try {
      transcript.runningTurns().forEach(runId -> runtime.stop(caller, runId));
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
  }

  /**
   * After the transcript changed: Stop only while a turn runs, and the newest words in view, unless
   * the person scrolled up to read something older.
   */
  private void changed() {
    stop.setEnabled(!transcript.runningTurns().isEmpty());
    transcript
        .getElement()
        .executeJs(
            "if (this.scrollHeight - this.scrollTop - this.clientHeight < this.clientHeight / 2)"
                + " this.scrollTop = this.scrollHeight;");
  }

  private static Span participant(AgentView agent) {
    Span participant =
        new Span(new ColoredInitial(agent.name(), agent.color()), new Div(agent.name()));
    participant
        .getStyle()
        .set("display", "inline-flex")
        .set("align-items", "center")
        .set("gap", "var(--lumo-space-xs)");
    participant.setTitle(agent.role());
    return participant;
  }
}
