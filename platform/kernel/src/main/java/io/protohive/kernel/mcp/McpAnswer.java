package io.protohive.kernel.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.protohive.plugin.api.ToolResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * An MCP tool's answer as agents take it: its text, and the images, audio and binary resources it
 * carried as files, which are kept as the organization's files like any tool's attachments. A text
 * resource is read inline; a link to a resource is named, not fetched.
 *
 * @param error whether the server marked the result as the tool's own error
 */
public record McpAnswer(boolean error, String text, List<ToolResult.Attachment> files) {

  static McpAnswer of(McpSchema.CallToolResult result) {
    List<String> parts = new ArrayList<>();
    List<ToolResult.Attachment> files = new ArrayList<>();
    List<McpSchema.Content> contents = result.content() == null ? List.of() : result.content();
    for (McpSchema.Content content : contents) {
      if (content instanceof McpSchema.TextContent text) {
        parts.add(text.text());
      } else if (content instanceof McpSchema.ImageContent image) {
        parts.add(carried(files, null, image.mimeType(), image.data(), "image"));
      } else if (content instanceof McpSchema.AudioContent audio) {
        parts.add(carried(files, null, audio.mimeType(), audio.data(), "audio"));
      } else if (content instanceof McpSchema.EmbeddedResource embedded) {
        parts.add(resource(files, embedded.resource()));
      } else if (content instanceof McpSchema.ResourceLink link) {
        parts.add("[a link to the resource " + link.uri() + "]");
      } else {
        parts.add("[" + content.type() + " content, not shown]");
      }
    }
    return new McpAnswer(Boolean.TRUE.equals(result.isError()), String.join("\n", parts), files);
  }

  /** The answer as a tool's result: its text, its files attached. */
  public ToolResult toolResult() {
    ToolResult result = ToolResult.text(text);
    for (ToolResult.Attachment file : files) {
      result = result.withAttachment(file);
    }
    return result;
  }

  private static String resource(
      List<ToolResult.Attachment> files, McpSchema.ResourceContents resource) {
    if (resource instanceof McpSchema.TextResourceContents text) {
      return "[the resource " + resource.uri() + "]\n" + text.text();
    }
    if (resource instanceof McpSchema.BlobResourceContents blob) {
      return carried(files, baseName(blob.uri()), blob.mimeType(), blob.blob(), "resource");
    }
    return "[the resource " + resource.uri() + ", not shown]";
  }

  /**
   * Adds the base64 content as a file of the name, or of one made of its kind and the media type;
   * what the model reads of it.
   */
  private static String carried(
      List<ToolResult.Attachment> files,
      String named,
      String mediaType,
      String base64,
      String kind) {
    String type = mediaType == null ? "application/octet-stream" : mediaType;
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64 == null ? "" : base64);
    } catch (IllegalArgumentException e) {
      return "[" + kind + " content that is not base64, not kept]";
    }
    String name = named != null ? named : kind + "-" + (files.size() + 1) + extension(type);
    files.add(new ToolResult.Attachment(name, type, bytes));
    return "[" + kind + " " + name + ", " + type + "]";
  }

  /** The media type's subtype as an extension, such as .png. */
  private static String extension(String mediaType) {
    int slash = mediaType.indexOf('/');
    String subtype =
        mediaType.substring(slash + 1).split("[+;]")[0].toLowerCase(Locale.ROOT).strip();
    return subtype.matches("[a-z0-9]{1,10}") ? "." + subtype : "";
  }

  /**
   * The last segment of the resource's URI, in letters, digits, dots, hyphens and underscores; none
   * when nothing is left of it.
   */
  private static String baseName(String uri) {
    String path;
    try {
      path = URI.create(uri).getPath();
    } catch (IllegalArgumentException | NullPointerException e) {
      path = null;
    }
    String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    String safe = last.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
    return safe.isEmpty() || safe.length() > 100 ? null : safe;
  }
}
