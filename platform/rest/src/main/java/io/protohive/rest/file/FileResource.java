package io.protohive.rest.file;

import io.protohive.kernel.file.FileChange;
import io.protohive.kernel.file.FileService;
import io.protohive.kernel.file.FileVersionView;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.file.ShareView;
import io.protohive.kernel.file.SpooledUpload;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
import io.protohive.rest.problem.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One file: its metadata, bytes, versions, shares and the bin. */
@WriteScope(Scope.FILES)
@Path("files")
@Tag(name = "Files")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FileResource {

  @Inject FileService files;
  @Inject Uploads uploads;
  @Inject SignedIn signedIn;

  /** Shares a file with one member or one agent of its organization. */
  public record NewShare(UUID accountId, UUID agentId) {}

  @GET
  @Path("{fileId}")
  @Operation(summary = "A file's metadata, with its ingestion status")
  public FileView get(@PathParam("fileId") UUID fileId) {
    return files.get(signedIn.caller(), fileId);
  }

  @GET
  @Path("{fileId}/content")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "Download a file's current version",
      description =
          "Streamed, with the type read from its bytes. A Range header with one byte range"
              + " answers 206 with that part; a range beyond the end answers 416.")
  public Response content(@PathParam("fileId") UUID fileId, @HeaderParam("Range") String range) {
    FileService.FileContent content = files.content(signedIn.caller(), fileId);
    FileView file = content.file();
    long size = file.sizeBytes();
    Optional<ByteRange> part;
    try {
      part = ByteRange.of(range, size);
    } catch (ByteRange.Unsatisfiable beyond) {
      return Problem.of(
              Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE,
              "The file has " + size + " bytes; ask for a range within them.")
          .toResponseBuilder()
          .header("Content-Range", "bytes */" + size)
          .build();
    }
    long offset = part.map(ByteRange::first).orElse(0L);
    long length = part.map(ByteRange::length).orElse(size);
    // opened before the status is sent, so that bytes that cannot be read answer as an error
    // instead of a response cut short
    InputStream opened;
    try {
      opened = content.reader().open(offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("a file's bytes cannot be read", e);
    }
    StreamingOutput body =
        out -> {
          try (InputStream in = opened) {
            in.transferTo(out);
          }
        };
    Response.ResponseBuilder response =
        Response.status(part.isPresent() ? 206 : 200)
            .entity(body)
            .type(file.contentType())
            .header(HttpHeaders.CONTENT_LENGTH, length)
            .header("Accept-Ranges", "bytes")
            .header("X-Content-Type-Options", "nosniff")
            .header(HttpHeaders.CONTENT_DISPOSITION, disposition(file.name()));
    part.ifPresent(
        p -> response.header("Content-Range", "bytes " + p.first() + "-" + p.last() + "/" + size));
    return response.build();
  }

  @PATCH
  @Path("{fileId}")
  @Operation(
      summary = "Rename a file, move it to a folder (toTop for none) or change its visibility",
      description = "Absent fields keep their value. Its owner and the organization's admins only.")
  public FileView change(@PathParam("fileId") UUID fileId, FileChange body) {
    return files.change(signedIn.caller(), fileId, RequestBodies.require(body));
  }

  @DELETE
  @Path("{fileId}")
  @Operation(
      summary = "Move a file to the bin",
      description = "It can be restored until the tenant's retention purges it.")
  public Response delete(@PathParam("fileId") UUID fileId) {
    files.delete(signedIn.caller(), fileId);
    return Response.noContent().build();
  }

  @POST
  @Path("{fileId}/restore")
  @Operation(summary = "Restore a file from the bin")
  public FileView restore(@PathParam("fileId") UUID fileId) {
    return files.restore(signedIn.caller(), fileId);
  }

  @GET
  @Path("{fileId}/versions")
  @Operation(summary = "A file's versions, newest first")
  public List<FileVersionView> versions(@PathParam("fileId") UUID fileId) {
    return files.versions(signedIn.caller(), fileId);
  }

  @POST
  @Path("{fileId}/versions")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Upload a new version of a file",
      description = "Multipart form with the bytes as the part named file; ingested anew.")
  public Response replace(@PathParam("fileId") UUID fileId, @FormParam("file") EntityPart file) {
    files.mayReplace(signedIn.caller(), fileId);
    try (SpooledUpload upload = uploads.receive(file)) {
      return Response.status(Response.Status.CREATED)
          .entity(files.replace(signedIn.caller(), fileId, upload))
          .build();
    }
  }

  @GET
  @Path("{fileId}/shares")
  @Operation(summary = "The members and agents a file is shared with by name")
  public List<ShareView> shares(@PathParam("fileId") UUID fileId) {
    return files.shares(signedIn.caller(), fileId);
  }

  @POST
  @Path("{fileId}/shares")
  @Operation(
      summary = "Share a file with a member (accountId) or an agent (agentId) of its organization",
      description =
          "Matters for files whose visibility is NAMED; sharing twice answers the same share.")
  public Response share(@PathParam("fileId") UUID fileId, NewShare body) {
    NewShare given = RequestBodies.require(body);
    ShareView share = files.share(signedIn.caller(), fileId, given.accountId(), given.agentId());
    return Response.status(Response.Status.CREATED).entity(share).build();
  }

  @DELETE
  @Path("{fileId}/shares/{shareId}")
  @Operation(summary = "Stop sharing a file with a member or an agent")
  public Response unshare(@PathParam("fileId") UUID fileId, @PathParam("shareId") UUID shareId) {
    files.unshare(signedIn.caller(), fileId, shareId);
    return Response.noContent().build();
  }

  /** An attachment named as uploaded, in the RFC 6266 form every browser reads. */
  private static String disposition(String name) {
    String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    return "attachment; filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
