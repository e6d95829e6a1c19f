package io.protohive.plugins.documents;

import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.io.IOException;
import java.util.Map;

/**
 * A tool that writes one document and returns it as an attachment, which the platform keeps as a
 * file of the organization. Bad input is a tool error that says what to change; a failure inside
 * the document libraries is logged and answered without their internals.
 */
abstract class DocumentTool implements Tool {

  /** A written document: its file name, media type, bytes, and a line for the model. */
  record Written(String fileName, String mediaType, byte[] bytes, String summary) {}

  /** Writes the document the arguments describe. */
  abstract Written write(Map<String, Object> arguments) throws BadInput, IOException;

  @Override
  public final ToolResult invoke(Map<String, Object> arguments, ToolContext context) {
    try {
      Written written = write(arguments);
      return ToolResult.text(written.summary() + " (" + kilobytes(written.bytes()) + ").")
          .withAttachment(
              new ToolResult.Attachment(written.fileName(), written.mediaType(), written.bytes()));
    } catch (BadInput e) {
      return ToolResult.error(e.getMessage());
    } catch (CappedOutput.TooLarge e) {
      return ToolResult.error(
          "The document is too large: " + e.getMessage() + ". Write a shorter one.");
    } catch (IOException | RuntimeException e) {
      context.logger().log(System.Logger.Level.WARNING, id() + " could not write a document", e);
      return ToolResult.error(
          "The document could not be written from this input. Simplify the content and try"
              + " again.");
    }
  }

  private static String kilobytes(byte[] bytes) {
    return Math.max(1, (bytes.length + 1023) / 1024) + " KB";
  }
}
