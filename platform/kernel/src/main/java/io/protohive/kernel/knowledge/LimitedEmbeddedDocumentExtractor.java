package io.protohive.kernel.knowledge;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads attachments and embedded documents into the parent's text, but only so deep and only so
 * many: a mail that attaches a zip of mails must not recurse without end.
 */
final class LimitedEmbeddedDocumentExtractor implements EmbeddedDocumentExtractor {

  private final ParsingEmbeddedDocumentExtractor delegate;
  private final int maxDepth;
  private final int maxDocuments;
  private int depth;
  private int documents;

  LimitedEmbeddedDocumentExtractor(ParseContext context, int maxDepth, int maxDocuments) {
    this.delegate = new ParsingEmbeddedDocumentExtractor(context);
    // the file name would otherwise be written as a heading
    this.delegate.setWriteFileNameToContent(false);
    this.maxDepth = maxDepth;
    this.maxDocuments = maxDocuments;
  }

  @Override
  public boolean shouldParseEmbedded(Metadata metadata) {
    return depth < maxDepth && documents < maxDocuments && delegate.shouldParseEmbedded(metadata);
  }

  @Override
  public void parseEmbedded(
      InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
      throws SAXException, IOException {
    if (depth >= maxDepth || documents >= maxDocuments) {
      return;
    }
    documents++;
    depth++;
    try {
      delegate.parseEmbedded(stream, handler, metadata, outputHtml);
    } finally {
      depth--;
    }
  }
}
