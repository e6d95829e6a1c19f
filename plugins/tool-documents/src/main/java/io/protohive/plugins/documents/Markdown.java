package io.protohive.plugins.documents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** CommonMark with GFM tables, as the documents read it. Parser and renderer are thread-safe. */
final class Markdown {

  /** Deeper nesting than this is refused: the writers walk the tree recursively. */
  static final int MAX_DEPTH = 40;

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();

  private Markdown() {}

  /**
   * The document tree, images replaced by their alternative text: a document written here never
   * fetches anything.
   */
  static Node parse(String markdown) throws BadInput {
    Node document = PARSER.parse(markdown);
    if (depth(document) > MAX_DEPTH) {
      throw new BadInput(
          "The Markdown nests lists or quotes more than " + MAX_DEPTH + " levels deep.");
    }
    List<Image> images = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            images.add(image);
          }
        });
    for (Image image : images) {
      String alt = textOf(image);
      if (!alt.isEmpty()) {
        image.insertBefore(new Text(alt));
      }
      image.unlink();
    }
    return document;
  }

  /** XHTML of the document body: raw HTML in the Markdown is shown as text, never interpreted. */
  static String html(Node document) {
    return HTML.render(document);
  }

  /** The text of a node and its descendants, as a reader would see it. */
  static String textOf(Node node) {
    StringBuilder text = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            text.append(t.getLiteral());
          }

          @Override
          public void visit(org.commonmark.node.Code code) {
            text.append(code.getLiteral());
          }

          @Override
          public void visit(org.commonmark.node.SoftLineBreak softLineBreak) {
            text.append(' ');
          }
        });
    return text.toString();
  }

  private static int depth(Node root) {
    record Level(Node node, int depth) {}
    int deepest = 0;
    Deque<Level> pending = new ArrayDeque<>();
    pending.push(new Level(root, 0));
    while (!pending.isEmpty()) {
      Level level = pending.pop();
      deepest = Math.max(deepest, level.depth());
      if (deepest > MAX_DEPTH) {
        return deepest;
      }
      for (Node child = level.node().getFirstChild(); child != null; child = child.getNext()) {
        pending.push(new Level(child, level.depth() + 1));
      }
    }
    return deepest;
  }
}
