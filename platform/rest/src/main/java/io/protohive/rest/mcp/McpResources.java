package io.protohive.rest.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.protohive.kernel.file.FileService;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.task.TaskService;
import io.protohive.kernel.task.TaskView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tasks and files as MCP resources, {@code protohive://tasks/{id}} and {@code
 * protohive://files/{id}}: listed per caller (the newest of each organization of theirs) and read
 * through the kernel as the caller, so a foreign or unknown id reads as not found alike.
 */
@ApplicationScoped
public class McpResources {

  private static final Logger LOG = Logger.getLogger(McpResources.class.getName());

  static final String TASKS = "protohive://tasks/";
  static final String FILES = "protohive://files/";

  /** How many of each organization's newest tasks and files a listing names. */
  static final int LISTED = 100;

  /** The largest file read whole as a resource; larger ones are downloaded through the API. */
  static final long MAX_READ_BYTES = 4L * 1024 * 1024;

  private static final String JSON = "application/json";

  @Inject OrganizationService organizations;
  @Inject TaskService tasks;
  @Inject FileService files;

  List<SyncResourceTemplateSpecification> templates(McpJsonMapper json) {
    return List.of(
        new SyncResourceTemplateSpecification(
            McpSchema.ResourceTemplate.builder()
                .uriTemplate(TASKS + "{id}")
                .name("task")
                .description("A task with its status, result, subtasks and comments")
                .mimeType(JSON)
                .build(),
            (context, request) -> read(context, request, json)),
        new SyncResourceTemplateSpecification(
            McpSchema.ResourceTemplate.builder()
                .uriTemplate(FILES + "{id}")
                .name("file")
                .description(
                    "A file's current version: text as text, anything else base64-encoded; at"
                        + " most 4 MiB")
                .build(),
            (context, request) -> read(context, request, json)));
  }

  /** The caller's resources: the newest tasks and top-folder files of each organization. */
  McpSchema.ListResourcesResult list(Caller caller) {
    List<McpSchema.Resource> listed = new ArrayList<>();
    for (OrganizationView organization :
        Page.every(cursor -> organizations.list(caller, Page.MAX_LIMIT, cursor))) {
      for (TaskView task : tasks.list(caller, organization.id(), LISTED, null).items()) {
        listed.add(
            McpSchema.Resource.builder()
                .uri(TASKS + task.id())
                .name(task.title())
                .description("Task in " + organization.name() + ", " + task.status())
                .mimeType(JSON)
                .build());
      }
      for (FileView file :
          files.list(caller, organization.id(), null, false, LISTED, null).items()) {
        listed.add(
            McpSchema.Resource.builder()
                .uri(FILES + file.id())
                .name(file.name())
                .description("File in " + organization.name())
                .mimeType(file.contentType())
                .size(file.sizeBytes())
                .build());
      }
    }
    return new McpSchema.ListResourcesResult(listed, null);
  }

  private McpSchema.ReadResourceResult read(
      McpTransportContext context, McpSchema.ReadResourceRequest request, McpJsonMapper json) {
    String uri = request.uri();
    try {
      Caller caller = McpEndpoint.caller(context);
      if (uri.startsWith(TASKS)) {
        String text = json.writeValueAsString(McpTools.task(tasks.get(caller, id(uri, TASKS))));
        return new McpSchema.ReadResourceResult(
            List.of(new McpSchema.TextResourceContents(uri, JSON, text)));
      }
      return new McpSchema.ReadResourceResult(List.of(file(caller, uri)));
    } catch (Rejection refused) {
      throw McpError.builder(
              refused.kind() == Rejection.Kind.NOT_FOUND
                  ? McpSchema.ErrorCodes.RESOURCE_NOT_FOUND
                  : McpSchema.ErrorCodes.INVALID_PARAMS)
          .message(refused.getMessage())
          .build();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "An MCP resource could not be read", e);
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
          .message("The resource could not be read; try again later.")
          .build();
    }
  }

  private McpSchema.ResourceContents file(Caller caller, String uri) throws IOException {
    FileService.FileContent content = files.content(caller, id(uri, FILES));
    FileView file = content.file();
    if (file.sizeBytes() > MAX_READ_BYTES) {
      throw Rejection.of(
          Rejection.Kind.TOO_LARGE,
          "The file is larger than 4 MiB; download it from /api/v1/files/"
              + file.id()
              + "/content.");
    }
    byte[] bytes;
    try (InputStream in = content.reader().open(0, file.sizeBytes())) {
      bytes = in.readAllBytes();
    }
    String type = file.contentType() == null ? "application/octet-stream" : file.contentType();
    if (textual(type)) {
      return new McpSchema.TextResourceContents(
          uri, type, new String(bytes, StandardCharsets.UTF_8));
    }
    return new McpSchema.BlobResourceContents(uri, type, Base64.getEncoder().encodeToString(bytes));
  }

  private static boolean textual(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.startsWith(JSON)
        || type.contains("+json")
        || type.contains("xml");
  }

  /** The id in a resource URI; one that is no id is as unknown as an id of nothing. */
  private static UUID id(String uri, String prefix) {
    try {
      return UUID.fromString(uri.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No resource with this URI.");
    }
  }
}
