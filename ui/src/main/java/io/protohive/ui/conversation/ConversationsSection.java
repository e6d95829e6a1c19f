package io.protohive.ui.conversation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.protohive.kernel.conversation.ConversationService;
import io.protohive.kernel.conversation.ConversationView;
import io.protohive.kernel.conversation.SpeakerSelection;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.Notices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An organization's conversations, newest first, each opening in the chat. A page of them shows at
 * first, and the next page on request, so that a busy organization's page opens quickly.
 */
public final class ConversationsSection extends VerticalLayout {

  private final ConversationService conversations;
  private final AgentService agents;
  private final Grid<ConversationView> grid = new Grid<>(ConversationView.class, false);
  private final Button more = new Button("Load more");
  private final List<ConversationView> shown = new ArrayList<>();
  private Map<UUID, String> agentNames = Map.of();
  private Caller caller;
  private UUID organizationId;
  private String nextCursor;

  public ConversationsSection(ConversationService conversations, AgentService agents) {
    this.conversations = conversations;
    this.agents = agents;
    grid.setId("conversations");
    grid.addColumn(ConversationView::title).setHeader("Title").setFlexGrow(2);
    grid.addColumn(this::participants).setHeader("Agents").setFlexGrow(2);
    grid.addColumn(this::speakers).setHeader("How speakers are chosen");
    grid.addColumn(conversation -> Dates.format(conversation.createdAt())).setHeader("Created");
    grid.setAllRowsVisible(true);
    grid.setEmptyStateText(
        "No conversations yet. Start one with an agent's Chat button or with New conversation.");
    grid.addItemClickListener(
        click ->
            getUI()
                .ifPresent(
                    ui -> ui.navigate(ChatView.class, ChatView.parameters(click.getItem().id()))));
    more.setId("conversations-more");
    more.addClickListener(click -> loadMore());
    setPadding(false);
    add(new H3("Conversations"), grid, more);
  }

  /** Shows the first page of the organization's conversations as they are now, to the caller. */
  public void show(Caller caller, UUID organizationId) {
    this.caller = caller;
    this.organizationId = organizationId;
    agentNames =
        agents.list(caller, organizationId).stream()
            .collect(Collectors.toMap(AgentView::id, AgentView::name));
    shown.clear();
    nextCursor = null;
    load();
  }

  private void loadMore() {
    try {
      load();
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
  }

  private void load() {
    Page<ConversationView> page =
        conversations.list(caller, organizationId, Page.DEFAULT_LIMIT, nextCursor);
    shown.addAll(page.items());
    nextCursor = page.nextCursor();
    grid.setItems(shown);
    more.setVisible(nextCursor != null);
  }

  private String participants(ConversationView conversation) {
    return conversation.agentIds().stream().map(this::agentName).collect(Collectors.joining(", "));
  }

  private String speakers(ConversationView conversation) {
    String way = SpeakerSelections.label(conversation.speakerSelection());
    return conversation.speakerSelection() == SpeakerSelection.MODERATOR
        ? way + " · " + agentName(conversation.moderatorAgentId())
        : way;
  }

  private String agentName(UUID id) {
    return agentNames.getOrDefault(id, "A former agent");
  }
}
