package io.protohive.rest.organization;

import io.protohive.kernel.conversation.ConversationService;
import io.protohive.kernel.conversation.ConversationView;
import io.protohive.kernel.file.FileLimits;
import io.protohive.kernel.file.FileService;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.file.FolderView;
import io.protohive.kernel.file.ResumableUploads;
import io.protohive.kernel.file.SpooledUpload;
import io.protohive.kernel.file.UploadView;
import io.protohive.kernel.idempotency.IdempotencyKeys;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.knowledge.KnowledgeBaseDraft;
import io.protohive.kernel.knowledge.KnowledgeBaseView;
import io.protohive.kernel.knowledge.KnowledgeBases;
import io.protohive.kernel.knowledge.KnowledgeHit;
import io.protohive.kernel.knowledge.KnowledgeService;
import io.protohive.kernel.organization.AgentDraft;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.MemberView;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.task.ApprovalView;
import io.protohive.kernel.task.TaskDraft;
import io.protohive.kernel.task.TaskService;
import io.protohive.kernel.task.TaskView;
import io.protohive.rest.Idempotent;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
import io.protohive.rest.file.Tus;
import io.protohive.rest.file.TusProtocol;
import io.protohive.rest.file.Uploads;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Organizations of the caller's tenant and what belongs to them: members, agents, conversations,
 * tasks, files and their search. One thing's own doors are under its own path.
 */
@Path("organizations")
@Tag(name = "Organizations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

  @Inject OrganizationService organizations;
  @Inject AgentService agents;
  @Inject ConversationService conversations;
  @Inject TaskService tasks;
  @Inject SignedIn signedIn;
  @Inject FileService files;
  @Inject KnowledgeService knowledge;
  @Inject KnowledgeBases bases;
  @Inject Uploads uploads;
  @Inject ResumableUploads resumable;
  @Inject FileLimits limits;
  @Context UriInfo uri;

  /** A new folder; {@code parentId} absent for the top. */
  public record NewFolder(String name, UUID parentId) {}

  @GET
  @Operation(summary = "The organizations the caller belongs to")
  public PageResponse<OrganizationView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(organizations.list(signedIn.caller(), limit, cursor));
  }

  @POST
  @Operation(summary = "Create an organization; the caller becomes its owner")
  @Idempotent
  @Parameter(ref = IdempotencyKeys.HEADER)
  public Response create(OrganizationRequests.Create body) {
    OrganizationRequests.Create given = RequestBodies.require(body);
    OrganizationView created =
        organizations.create(signedIn.caller(), given.name(), given.template());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One organization")
  public OrganizationView get(@PathParam("id") UUID id) {
    return organizations.get(signedIn.caller(), id);
  }

  @PATCH
  @Path("{id}")
  @Operation(summary = "Rename an organization (admin or owner)")
  public OrganizationView update(@PathParam("id") UUID id, OrganizationRequests.Update body) {
    return organizations.rename(signedIn.caller(), id, RequestBodies.require(body).name());
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete an organization (owner)")
  public Response delete(@PathParam("id") UUID id) {
    organizations.delete(signedIn.caller(), id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/members")
  @Operation(summary = "The organization's members, in the order they joined, in pages")
  public PageResponse<MemberView> members(
      @PathParam("id") UUID id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(organizations.members(signedIn.caller(), id, limit, cursor));
  }

  @POST
  @Path("{id}/members")
  @Operation(summary = "Add a person of the tenant, by email, with a role (admin or owner)")
  @Idempotent
  @Parameter(ref = IdempotencyKeys.HEADER)
  public Response invite(@PathParam("id") UUID id, OrganizationRequests.Invite body) {
    OrganizationRequests.Invite given = RequestBodies.require(body);
    MemberView added = organizations.addMember(signedIn.caller(), id, given.email(), given.role());
    return Response.created(uri.getAbsolutePathBuilder().path(added.userId().toString()).build())
        .entity(added)
        .build();
  }

  @PATCH
  @Path("{id}/members/{userId}")
  @Operation(summary = "Change a member's role (admin or owner)")
  public MemberView changeRole(
      @PathParam("id") UUID id,
      @PathParam("userId") UUID userId,
      OrganizationRequests.ChangeRole body) {
    return organizations.changeRole(
        signedIn.caller(), id, userId, RequestBodies.require(body).role());
  }

  @DELETE
  @Path("{id}/members/{userId}")
  @Operation(summary = "Remove a member, or leave")
  public Response remove(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
    organizations.removeMember(signedIn.caller(), id, userId);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/agents")
  @Operation(summary = "The agents of an organization, in the order they were created, in pages")
  public PageResponse<AgentView> agents(
      @PathParam("id") UUID id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(agents.list(signedIn.caller(), id, limit, cursor));
  }

  @POST
  @Path("{id}/agents")
  @Operation(summary = "Add an agent to an organization")
  @Idempotent
  @Parameter(ref = IdempotencyKeys.HEADER)
  public Response addAgent(@PathParam("id") UUID id, AgentDraft body) {
    AgentView created = agents.create(signedIn.caller(), id, RequestBodies.require(body));
    return Response.created(
            UriBuilder.fromUri(uri.getBaseUri())
                .path("agents")
                .path(created.id().toString())
                .build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{id}/conversations")
  @Operation(summary = "The conversations of an organization, newest first, in pages")
  public PageResponse<ConversationView> conversations(
      @PathParam("id") UUID id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(conversations.list(signedIn.caller(), id, limit, cursor));
  }

  @GET
  @Path("{id}/tasks")
  @Operation(summary = "The organization's tasks, newest first, in pages")
  public PageResponse<TaskView> tasks(
      @PathParam("id") UUID id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(tasks.list(signedIn.caller(), id, limit, cursor));
  }

  @POST
  @Path("{id}/tasks")
  @WriteScope(Scope.TASKS)
  @Operation(
      summary = "Create a task",
      description = "An agent assignee starts working on it at once unless it is in the backlog.")
  @Idempotent
  @Parameter(ref = IdempotencyKeys.HEADER)
  public Response createTask(@PathParam("id") UUID id, TaskDraft body) {
    TaskView created = tasks.create(signedIn.caller(), id, RequestBodies.require(body));
    return Response.created(
            UriBuilder.fromUri(uri.getBaseUri())
                .path("tasks")
                .path(created.id().toString())
                .build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{id}/approvals")
  @Operation(
      summary = "The organization's agents' actions waiting for a person's approval, oldest first")
  public PageResponse<ApprovalView> approvals(
      @PathParam("id") UUID id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(tasks.pendingApprovals(signedIn.caller(), id, limit, cursor));
  }

  @POST
  @Path("{id}/files")
  @WriteScope(Scope.FILES)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Upload a file",
      description =
          "Multipart form with the file as the part named file and an optional part folder with"
              + " a folder id. The type is read from the bytes, not the name. The file is visible"
              + " to the whole organization and is queued for ingestion (status QUEUED, then"
              + " EXTRACTING, EMBEDDING and READY or FAILED with statusReason). 413 when it is"
              + " larger than a file may be or than the tenant's quota leaves.")
  public Response upload(
      @PathParam("id") UUID organizationId,
      @FormParam("file") EntityPart file,
      @FormParam("folder") String folder) {
    UUID folderId = folderId(folder);
    files.mayUpload(signedIn.caller(), organizationId, folderId);
    FileView created;
    try (SpooledUpload upload = uploads.receive(file)) {
      created =
          files.upload(signedIn.caller(), organizationId, folderId, Uploads.name(file), upload);
    }
    return Response.created(
            uri.getBaseUriBuilder().path("files").path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @POST
  @Path("{id}/uploads")
  @WriteScope(Scope.FILES)
  @Consumes(MediaType.WILDCARD)
  @TusProtocol
  @Operation(
      summary = "Start a resumable upload of a file (tus 1.0.0 creation)",
      description =
          "Headers Tus-Resumable: 1.0.0, Upload-Length (bytes) and Upload-Metadata with the"
              + " filename in base64; query folder for a folder id. Checked as an upload is, before"
              + " any byte: 413 over the size limit or what the tenant's quota leaves. Answers"
              + " 201 with Location, the address its bytes are sent to with PATCH.")
  public Response createUpload(
      @PathParam("id") UUID organizationId,
      @QueryParam("folder") UUID folderId,
      @HeaderParam(Tus.UPLOAD_LENGTH) String length,
      @HeaderParam(Tus.UPLOAD_METADATA) String metadata) {
    long bytes;
    String name;
    try {
      bytes = Tus.count(Tus.UPLOAD_LENGTH, length);
      name = Tus.metadata(metadata).get("filename");
    } catch (Rejection malformed) {
      // an organization the caller may not upload to is not found, however the request is made
      files.mayUpload(signedIn.caller(), organizationId, folderId);
      throw malformed;
    }
    UploadView upload = resumable.create(signedIn.caller(), organizationId, folderId, name, bytes);
    return Response.created(
            uri.getBaseUriBuilder().path("uploads").path(upload.id().toString()).build())
        .header(Tus.UPLOAD_OFFSET, upload.offsetBytes())
        .entity(upload)
        .build();
  }

  @OPTIONS
  @Path("{id}/uploads")
  @PermitAll
  @Operation(summary = "The tus versions, extensions and largest size this server accepts")
  public Response uploadOptions() {
    return Tus.options(limits.maxFileBytes());
  }

  @GET
  @Path("{id}/files")
  @Operation(
      summary = "The files of a folder the caller may read, newest first, in pages",
      description =
          "folder absent for the top of the organization; bin=true for the files in the bin that"
              + " the caller may restore, of every folder.")
  public PageResponse<FileView> list(
      @PathParam("id") UUID organizationId,
      @QueryParam("folder") UUID folderId,
      @QueryParam("bin") boolean bin,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        files.list(signedIn.caller(), organizationId, folderId, bin, limit, cursor));
  }

  @GET
  @Path("{id}/folders")
  @Operation(summary = "The folders in a folder (parent absent for the top), by name")
  public List<FolderView> folders(
      @PathParam("id") UUID organizationId, @QueryParam("parent") UUID parentId) {
    return files.folders(signedIn.caller(), organizationId, parentId);
  }

  @POST
  @Path("{id}/folders")
  @WriteScope(Scope.FILES)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a folder")
  public Response createFolder(@PathParam("id") UUID organizationId, NewFolder body) {
    NewFolder given = RequestBodies.require(body);
    FolderView folder =
        files.createFolder(signedIn.caller(), organizationId, given.parentId(), given.name());
    return Response.status(Response.Status.CREATED).entity(folder).build();
  }

  @GET
  @Path("{id}/knowledge/search")
  @Operation(
      summary = "Search the organization's documents",
      description =
          "Hybrid: passages found by meaning (embeddings) and by words (full text), fused by"
              + " reciprocal rank; only files the caller may read. Each item names its file, page"
              + " and text, best first.")
  public PageResponse<KnowledgeHit> search(
      @PathParam("id") UUID organizationId,
      @QueryParam("q") String query,
      @QueryParam("limit") Integer limit) {
    return PageResponse.ranked(knowledge.search(signedIn.caller(), organizationId, query, limit));
  }

  @GET
  @Path("{id}/knowledge-bases")
  @Operation(summary = "The organization's knowledge bases, by name")
  public List<KnowledgeBaseView> knowledgeBases(@PathParam("id") UUID organizationId) {
    return bases.list(signedIn.caller(), organizationId);
  }

  @POST
  @Path("{id}/knowledge-bases")
  @WriteScope(Scope.FILES)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a knowledge base of files and folders (with their subfolders)",
      description = "The organization's admins only.")
  public Response createKnowledgeBase(
      @PathParam("id") UUID organizationId, KnowledgeBaseDraft body) {
    KnowledgeBaseView created =
        bases.create(signedIn.caller(), organizationId, RequestBodies.require(body));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  private static UUID folderId(String folder) {
    if (folder == null || folder.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(folder.strip());
    } catch (IllegalArgumentException e) {
      throw Rejection.invalid("folder", "A folder is named by its id.");
    }
  }
}
