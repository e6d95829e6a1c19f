package io.protohive.ui.file;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import io.protohive.kernel.file.FileChange;
import io.protohive.kernel.file.FileLinks;
import io.protohive.kernel.file.FileService;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.file.FolderView;
import io.protohive.kernel.file.Sizes;
import io.protohive.kernel.file.UploadSpool;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.knowledge.KnowledgeBaseDraft;
import io.protohive.kernel.knowledge.KnowledgeBases;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.MemberView;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.organization.OrganizationDetailView;
import io.protohive.ui.organization.OrganizationsView;
import io.protohive.ui.signin.SignedInOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An organization's files: folders to walk, files dropped or chosen to upload with their progress,
 * a grid with type, size, owner and how far each file's ingestion has come (read again every few
 * seconds while any is on its way), sharing, renaming, the bin and restoring from it.
 */
@Route(value = "organizations/:" + FilesView.ORGANIZATION_ID + "/files", layout = MainLayout.class)
public class FilesView extends VerticalLayout implements SignedInOnly, HasDynamicTitle {

  public static final String ORGANIZATION_ID = "organizationId";

  private static final int POLL_MILLIS = 1_500;

  /** Who acts here; {@code null} only for a visitor, whom {@link #beforeEnter} sends away. */
  private final Caller caller = SignedInUser.current().map(SignedInUser::caller).orElse(null);

  private final FileService files;
  private final UploadSpool spool;
  private final KnowledgeBases knowledgeBases;
  private final AgentService agents;
  private final OrganizationService organizations;
  private final RouterLink organizationLink = new RouterLink();
  private final HorizontalLayout path = new HorizontalLayout();
  private final Grid<FolderView> folders = new Grid<>(FolderView.class, false);
  private final Grid<FileView> grid = new Grid<>(FileView.class, false);
  private final Checkbox bin = new Checkbox("Show the bin");
  private final Button knowledgeBase =
      new Button("Make a knowledge base of this folder", VaadinIcon.BOOK.create());
  private final VerticalLayout uploadArea = new VerticalLayout();
  private final ArrayDeque<FolderView> opened = new ArrayDeque<>();
  private OrganizationView organization;
  private Registration polling;
  private Map<UUID, String> members = Map.of();
  private Map<UUID, String> agentNames = Map.of();

  @Inject
  public FilesView(
      FileService files,
      UploadSpool spool,
      AgentService agents,
      OrganizationService organizations,
      KnowledgeBases knowledgeBases) {
    this.files = files;
    this.knowledgeBases = knowledgeBases;
    this.spool = spool;
    this.agents = agents;
    this.organizations = organizations;
    setSizeFull();

    H2 title = new H2("Files");
    title.getStyle().set("margin", "0");
    TextField folderName = new TextField();
    folderName.setPlaceholder("New folder");
    folderName.setId("folder-name");
    Button createFolder =
        new Button(
            "Create folder",
            VaadinIcon.FOLDER_ADD.create(),
            click -> {
              act(
                  () ->
                      files.createFolder(
                          caller, organization.id(), folder(), folderName.getValue()));
              folderName.clear();
            });
    createFolder.setId("folder-create");
    knowledgeBase.setId("folder-knowledge-base");
    knowledgeBase.addClickListener(
        click ->
            act(
                () -> {
                  FolderView folder = opened.peek();
                  knowledgeBases.create(
                      caller,
                      organization.id(),
                      new KnowledgeBaseDraft(folder.name(), "", List.of(), List.of(folder.id())));
                  Notices.success(
                      "Agents given the knowledge base " + folder.name() + " search this folder.");
                }));
    bin.setId("files-bin");
    bin.addValueChangeListener(change -> refresh());
    HorizontalLayout heading =
        new HorizontalLayout(title, folderName, createFolder, knowledgeBase, bin);
    heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    folders.setId("folders");
    folders.setAllRowsVisible(true);
    folders
        .addColumn(
            new ComponentRenderer<>(
                f -> new Span(VaadinIcon.FOLDER.create(), new Span(" " + f.name()))))
        .setHeader("Folders");
    folders.addItemClickListener(click -> enter(click.getItem()));

    grid.setId("files");
    grid.addColumn(new ComponentRenderer<>(this::nameLink)).setHeader("Name").setFlexGrow(3);
    grid.addColumn(FileView::contentType).setHeader("Type").setFlexGrow(1);
    grid.addColumn(f -> Sizes.readable(f.sizeBytes())).setHeader("Size");
    grid.addColumn(this::owner).setHeader("Owner");
    grid.addColumn(new ComponentRenderer<>(FileStatusBadge::new)).setHeader("State");
    grid.addColumn(f -> Dates.format(f.updatedAt())).setHeader("Changed");
    grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setFlexGrow(2);

    path.setId("files-path");
    path.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    add(organizationLink, heading, uploadArea, path, folders, grid);
    setFlexGrow(1, grid);
  }

  /** The route parameters that open an organization's files here. */
  public static RouteParameters parameters(UUID organizationId) {
    return new RouteParameters(ORGANIZATION_ID, organizationId.toString());
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SignedInOnly.super.beforeEnter(event);
    if (caller == null) {
      return;
    }
    try {
      UUID id = UUID.fromString(event.getRouteParameters().get(ORGANIZATION_ID).orElse(""));
      if (organization == null || !organization.id().equals(id)) {
        show(id);
      }
    } catch (IllegalArgumentException | Rejection notFound) {
      event.forwardTo(OrganizationsView.class);
    }
  }

  @Override
  public String getPageTitle() {
    return "Files" + (organization == null ? "" : " · " + organization.name()) + " · ProtoHive";
  }

  private void show(UUID organizationId) {
    organization = organizations.get(caller, organizationId);
    organizationLink.setText("← " + organization.name());
    organizationLink.setRoute(
        OrganizationDetailView.class, new RouteParameters("id", organization.id().toString()));
    members =
        organizations.members(caller, organizationId).stream()
            .collect(
                Collectors.toMap(
                    MemberView::userId, MemberView::displayName, (a, b) -> a, LinkedHashMap::new));
    agentNames =
        agents.list(caller, organizationId).stream()
            .collect(
                Collectors.toMap(AgentView::id, AgentView::name, (a, b) -> a, LinkedHashMap::new));
    Upload upload =
        new Upload(
            new FileUpload(
                files,
                spool,
                caller,
                organizationId,
                this::folder,
                stored -> refresh(),
                Notices::error));
    upload.setId("file-upload");
    upload.setDropLabel(new Span("Drop files here to upload them to this folder"));
    uploadArea.removeAll();
    uploadArea.setPadding(false);
    uploadArea.add(upload);
    refresh();
  }

  private UUID folder() {
    return opened.isEmpty() ? null : opened.peek().id();
  }

  private void enter(FolderView folder) {
    opened.push(folder);
    refresh();
  }

  private void refresh() {
    showPath();
    knowledgeBase.setVisible(!opened.isEmpty() && Permission.EDIT.grantedTo(organization.role()));
    boolean binned = bin.getValue();
    folders.setVisible(!binned);
    if (!binned) {
      folders.setItems(files.folders(caller, organization.id(), folder()));
    }
    List<FileView> shown =
        Page.every(cursor -> files.list(caller, organization.id(), folder(), binned, 200, cursor));
    grid.setItems(shown);
    boolean busy = shown.stream().anyMatch(f -> !f.status().settled());
    getUI().ifPresent(ui -> ui.setPollInterval(busy ? POLL_MILLIS : -1));
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    // while files are on their way the page polls, and each poll reads their states again
    polling =
        attachEvent
            .getUI()
            .addPollListener(
                poll -> {
                  if (organization != null) {
                    refresh();
                  }
                });
  }

  @Override
  protected void onDetach(DetachEvent detachEvent) {
    polling.remove();
    detachEvent.getUI().setPollInterval(-1);
    super.onDetach(detachEvent);
  }

  private void showPath() {
    path.removeAll();
    Button top = new Button(organization.name(), click -> leaveTo(null));
    top.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    path.add(top);
    for (Iterator<FolderView> outward = opened.descendingIterator(); outward.hasNext(); ) {
      FolderView step = outward.next();
      Button crumb = new Button(step.name(), click -> leaveTo(step));
      crumb.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      path.add(new Span("/"), crumb);
    }
  }

  private void leaveTo(FolderView folder) {
    while (!opened.isEmpty() && (folder == null || !opened.peek().id().equals(folder.id()))) {
      opened.pop();
    }
    refresh();
  }

  private Anchor nameLink(FileView file) {
    Anchor link = new Anchor(FileLinks.path(file.id(), null), file.name());
    link.addClassName("file-name");
    return link;
  }

  private String owner(FileView file) {
    if (file.ownerId() != null) {
      return members.getOrDefault(file.ownerId(), "");
    }
    return file.agentId() == null ? "" : agentNames.getOrDefault(file.agentId(), "an agent");
  }

  private HorizontalLayout actions(FileView file) {
    HorizontalLayout actions = new HorizontalLayout();
    if (file.deletedAt() != null) {
      Button restore = new Button("Restore", click -> act(() -> files.restore(caller, file.id())));
      restore.addClassName("file-restore");
      restore.addThemeVariants(ButtonVariant.LUMO_SMALL);
      actions.add(restore);
      return actions;
    }
    Button share =
        new Button(
            "Share",
            click ->
                new ShareDialog(files, caller, file, members, agentNames, this::refresh).open());
    share.addClassName("file-share");
    Button rename =
        new Button(
            "Rename",
            click ->
                new RenameDialog(
                        file.name(),
                        name ->
                            act(
                                () ->
                                    files.change(
                                        caller, file.id(), new FileChange(name, null, null, null))))
                    .open());
    rename.addClassName("file-rename");
    Button delete = new Button("Delete", click -> act(() -> files.delete(caller, file.id())));
    delete.addClassName("file-delete");
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    for (Button button : List.of(share, rename, delete)) {
      button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      actions.add(button);
    }
    return actions;
  }

  private void act(Runnable action) {
    try {
      action.run();
      refresh();
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
  }
}
