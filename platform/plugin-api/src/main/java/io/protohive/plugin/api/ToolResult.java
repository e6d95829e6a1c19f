package io.protohive.plugin.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a tool call produced: text, a JSON document, or an error the model should read, with
 * optional attachments.
 */
public final class ToolResult {

  /** The form of {@link #content()}. */
  public enum Kind {
    TEXT,
    JSON,
    ERROR
  }

  private final Kind kind;
  private final String content;
  private final List<Attachment> attachments;

  private ToolResult(Kind kind, String content, List<Attachment> attachments) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.content = Objects.requireNonNull(content, "content");
    this.attachments = List.copyOf(attachments);
  }

  public static ToolResult text(String text) {
    return new ToolResult(Kind.TEXT, text, List.of());
  }

  /** A result whose content is a JSON document, passed to the model verbatim. */
  public static ToolResult json(String json) {
    return new ToolResult(Kind.JSON, json, List.of());
  }

  /** A failure the model should read and may work around, e.g. "unknown time zone". */
  public static ToolResult error(String message) {
    return new ToolResult(Kind.ERROR, message, List.of());
  }

  /** This result with one more attachment. */
  public ToolResult withAttachment(Attachment attachment) {
    List<Attachment> more = new ArrayList<>(attachments);
    more.add(Objects.requireNonNull(attachment, "attachment"));
    return new ToolResult(kind, content, more);
  }

  public Kind kind() {
    return kind;
  }

  public String content() {
    return content;
  }

  public List<Attachment> attachments() {
    return attachments;
  }

  public boolean isError() {
    return kind == Kind.ERROR;
  }

  @Override
  public String toString() {
    return kind + ": " + content;
  }

  /** A file a tool returns next to its result, such as a chart or a downloaded document. */
  public record Attachment(String name, String mediaType, byte[] content) {
    public Attachment {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mediaType, "mediaType");
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }
}
