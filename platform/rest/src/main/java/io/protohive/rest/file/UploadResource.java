package io.protohive.rest.file;

import io.protohive.kernel.file.FileLimits;
import io.protohive.kernel.file.ResumableUploads;
import io.protohive.kernel.file.UploadView;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.platform.Rejection;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
import io.protohive.rest.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A resumable upload, by the tus 1.0.0 protocol (core and termination; creation is an
 * organization's {@code POST .../uploads}): its offset, the bytes that follow, its end. An upload
 * is its creator's alone; to anyone else it answers as not found.
 */
@WriteScope(Scope.FILES)
@Path("uploads")
@Tag(name = "Files")
@RequestScoped
@TusProtocol
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

  @Inject ResumableUploads uploads;
  @Inject FileLimits limits;
  @Inject SignedIn signedIn;

  @HEAD
  @Path("{uploadId}")
  @Operation(
      summary = "How many bytes of a resumable upload arrived",
      description =
          "Upload-Offset and Upload-Length; once complete, ProtoHive-File-Id names the file its"
              + " bytes became.")
  public Response offset(@PathParam("uploadId") UUID uploadId) {
    UploadView upload = uploads.get(signedIn.caller(), uploadId);
    return answer(Response.ok(), upload)
        .header(Tus.UPLOAD_LENGTH, upload.lengthBytes())
        .header(Tus.UPLOAD_METADATA, Tus.encoded("filename", upload.name()))
        .build();
  }

  @PATCH
  @Path("{uploadId}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Send the next bytes of a resumable upload",
      description =
          "Content-Type application/offset+octet-stream (else 415) with Upload-Offset the upload's"
              + " offset (else 409). No more bytes than the upload lacks (413). When the last"
              + " byte arrived, the upload becomes a file as an uploaded one does, named by"
              + " ProtoHive-File-Id.")
  public Response append(
      @PathParam("uploadId") UUID uploadId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(Tus.UPLOAD_OFFSET) String offset,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream content) {
    if (!Tus.isOffsetStream(contentType)) {
      // an upload that is not the caller's is not found, however the request is made
      uploads.get(signedIn.caller(), uploadId);
      return Problem.of(
              Response.Status.UNSUPPORTED_MEDIA_TYPE,
              "Send the bytes as " + Tus.OFFSET_OCTET_STREAM + ".")
          .toResponse();
    }
    long from;
    Long length;
    try {
      from = Tus.count(Tus.UPLOAD_OFFSET, offset);
      length = contentLength == null ? null : Tus.count(HttpHeaders.CONTENT_LENGTH, contentLength);
    } catch (Rejection malformed) {
      uploads.get(signedIn.caller(), uploadId);
      throw malformed;
    }
    UploadView upload = uploads.append(signedIn.caller(), uploadId, from, length, content);
    return answer(Response.noContent(), upload).build();
  }

  @DELETE
  @Path("{uploadId}")
  @Operation(
      summary = "End a resumable upload and delete its bytes",
      description = "A file it became stays.")
  public Response terminate(@PathParam("uploadId") UUID uploadId) {
    uploads.terminate(signedIn.caller(), uploadId);
    return Response.noContent().build();
  }

  @OPTIONS
  @Path("{uploadId}")
  @PermitAll
  @Operation(summary = "The tus versions, extensions and largest size this server accepts")
  public Response options() {
    return Tus.options(limits.maxFileBytes());
  }

  private static Response.ResponseBuilder answer(
      Response.ResponseBuilder response, UploadView upload) {
    response.header(Tus.UPLOAD_OFFSET, upload.offsetBytes());
    if (upload.complete()) {
      response.header(Tus.FILE_ID, upload.fileId());
    }
    return response;
  }
}
