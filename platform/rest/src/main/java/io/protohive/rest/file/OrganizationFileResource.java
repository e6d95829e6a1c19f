package io.protohive.rest.file;

import io.protohive.kernel.file.FileService;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.file.FolderView;
import io.protohive.kernel.file.SpooledUpload;
import io.protohive.kernel.knowledge.KnowledgeBaseDraft;
import io.protohive.kernel.knowledge.KnowledgeBaseView;
import io.protohive.kernel.knowledge.KnowledgeBases;
import io.protohive.kernel.knowledge.KnowledgeHit;
import io.protohive.kernel.knowledge.KnowledgeService;
import io.protohive.kernel.platform.Rejection;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An organization's files, folders and their search. One file's own doors are under files. */
@Path("organizations/{id}")
@Tag(name = "Files")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationFileResource {

  @Inject FileService files;
  @Inject KnowledgeService knowledge;
  @Inject KnowledgeBases bases;
  @Inject Uploads uploads;
  @Inject SignedIn signedIn;
  @Context UriInfo uri;

  /** A new folder; {@code parentId} absent for the top. */
  public record NewFolder(String name, UUID parentId) {}

  @POST
  @Path("files")
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

  @GET
  @Path("files")
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
  @Path("folders")
  @Operation(summary = "The folders in a folder (parent absent for the top), by name")
  public List<FolderView> folders(
      @PathParam("id") UUID organizationId, @QueryParam("parent") UUID parentId) {
    return files.folders(signedIn.caller(), organizationId, parentId);
  }

  @POST
  @Path("folders")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a folder")
  public Response createFolder(@PathParam("id") UUID organizationId, NewFolder body) {
    NewFolder given = RequestBodies.require(body);
    FolderView folder =
        files.createFolder(signedIn.caller(), organizationId, given.parentId(), given.name());
    return Response.status(Response.Status.CREATED).entity(folder).build();
  }

  @GET
  @Path("knowledge/search")
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
  @Path("knowledge-bases")
  @Operation(summary = "The organization's knowledge bases, by name")
  public List<KnowledgeBaseView> knowledgeBases(@PathParam("id") UUID organizationId) {
    return bases.list(signedIn.caller(), organizationId);
  }

  @POST
  @Path("knowledge-bases")
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
