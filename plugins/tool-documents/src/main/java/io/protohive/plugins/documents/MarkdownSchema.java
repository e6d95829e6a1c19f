package io.protohive.plugins.documents;

/** The arguments of the tools that write Markdown as a document. */
final class MarkdownSchema {

  static final String JSON =
      """
      {"type":"object","required":["title","markdown"],"properties":{\
      "title":{"type":"string","maxLength":%d,\
      "description":"The document's title; the file is named after it"},\
      "markdown":{"type":"string","maxLength":%d,\
      "description":"The content as Markdown (CommonMark with GitHub tables)"}}}"""
          .formatted(Inputs.MAX_TITLE, Inputs.MAX_MARKDOWN);

  private MarkdownSchema() {}
}
