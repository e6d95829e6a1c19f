package io.protohive.kernel.knowledge;

import java.util.List;

/**
 * A document's text in the order it reads, as blocks that carry their page and headings.
 *
 * @param contentType the type detected from the bytes
 * @param pageCount pages of a PDF or slides of a presentation; {@code null} for other formats
 */
public record ExtractedDocument(String contentType, Integer pageCount, List<TextBlock> blocks) {

  public ExtractedDocument {
    blocks = List.copyOf(blocks);
  }
}
