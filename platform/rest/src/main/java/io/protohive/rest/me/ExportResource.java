package io.protohive.rest.me;

import io.protohive.kernel.privacy.ExportView;
import io.protohive.kernel.privacy.Exports;
import io.protohive.rest.PageResponse;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's exports of their own data; no one else, admins included, sees one. */
@Path("me")
@Tag(name = "Personal data")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

  @Inject Exports exports;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;

  @POST
  @Path("export")
  @Operation(
      summary = "Export the caller's data",
      description =
          "Answers 202 with the export, queued; a job builds a ZIP of JSON (profile, memberships,"
              + " conversations they took part in, tasks they reported, API tokens without their"
              + " secrets, their audit entries, files' metadata) and the files they own, then mails"
              + " them a link. The ZIP is deleted 3 days after it is ready.")
  public Response request() {
    ExportView export = exports.request(signedIn.caller(), request.getRemoteAddr());
    return Response.accepted(export)
        .location(UriBuilder.fromPath("/api/v1/me/exports/{id}").build(export.id()))
        .build();
  }

  @GET
  @Path("exports")
  @Operation(summary = "The caller's exports, newest first")
  public PageResponse<ExportView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        exports.list(signedIn.caller()), export -> export.id().toString(), limit, cursor);
  }

  @GET
  @Path("exports/{exportId}")
  @Operation(summary = "One of the caller's exports: QUEUED, READY, FAILED or EXPIRED")
  public ExportView get(@PathParam("exportId") UUID exportId) {
    return exports.get(signedIn.caller(), exportId);
  }

  @GET
  @Path("exports/{exportId}/content")
  @Produces(Exports.CONTENT_TYPE)
  @Operation(summary = "Download a ready export's ZIP")
  public Response content(@PathParam("exportId") UUID exportId) {
    Exports.ExportContent content =
        exports.content(signedIn.caller(), exportId, request.getRemoteAddr());
    long size = content.export().sizeBytes();
    // opened before the status is sent, so unreadable bytes answer as an error, not a cut body
    InputStream opened;
    try {
      opened = content.reader().open(0, size);
    } catch (IOException e) {
      throw new UncheckedIOException("an export's bytes cannot be read", e);
    }
    StreamingOutput body =
        out -> {
          try (InputStream in = opened) {
            in.transferTo(out);
          }
        };
    return Response.ok(body, Exports.CONTENT_TYPE)
        .header(HttpHeaders.CONTENT_LENGTH, size)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"protohive-export-" + exportId + ".zip\"")
        .build();
  }
}
