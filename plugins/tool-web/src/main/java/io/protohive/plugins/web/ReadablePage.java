package io.protohive.plugins.web;

import io.protohive.plugin.api.HttpFetch;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The readable part of a page: its title and main text. Like browsers' reader views, it drops what
 * is not content (scripts, styles, navigation, headers, footers, asides, forms, and blocks whose
 * class or id says menu, sidebar, cookie, ...) and then keeps the block that holds the most
 * paragraph text: each paragraph scores its length for its parent and half of it for its
 * grandparent, so the article body wins over a teaser list. Links stay as {@code text (url)}.
 *
 * @param title the page's title
 * @param text the main text, with blank lines between blocks
 * @param truncated whether the text or the download was cut off
 */
record ReadablePage(String title, String text, boolean truncated) {

  private static final String NOT_CONTENT =
      "script, style, noscript, template, svg, canvas, iframe, object, embed, form, button,"
          + " select, input, nav, header, footer, aside, [role=navigation], [role=banner],"
          + " [role=contentinfo], [role=complementary], [aria-hidden=true], [hidden]";

  private static final Pattern NOISE =
      Pattern.compile(
          "(^|[-_ ])(nav|navbar|menu|sidebar|footer|masthead|breadcrumbs?|cookie|consent|banner"
              + "|advert|ads?|promo|share|social|related|comments?|newsletter|popup|modal)([-_ ]|$)",
          Pattern.CASE_INSENSITIVE);

  /** Names that mark content even when they also sound like noise ("content has-sidebar"). */
  private static final Pattern CONTENT =
      Pattern.compile("article|body|content|main|post|entry|story|page", Pattern.CASE_INSENSITIVE);

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "li",
          "ul",
          "ol",
          "pre",
          "blockquote",
          "table",
          "tr",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "dl",
          "dt",
          "dd",
          "figure",
          "figcaption",
          "br",
          "hr");

  /** The readable page in a response, HTML or plain text. */
  static ReadablePage of(HttpFetch.Response response, int maxChars) throws ToolFailure {
    String type = response.mediaType();
    if (type.equals("text/plain") || type.equals("text/markdown")) {
      return cut("", response.text().strip(), maxChars, response.truncated());
    }
    if (!type.isEmpty() && !type.equals("text/html") && !type.equals("application/xhtml+xml")) {
      throw new ToolFailure("The page is " + type + ", not a web page that can be read as text.");
    }
    Document page = Jsoup.parse(response.text(), response.uri().toString());
    return cut(title(page), mainText(page), maxChars, response.truncated());
  }

  private static String title(Document page) {
    String title = page.title().strip();
    if (title.isEmpty()) {
      Element heading = page.selectFirst("h1");
      title = heading == null ? "" : heading.text().strip();
    }
    return title;
  }

  private static String mainText(Document page) {
    Element body = page.body();
    body.select(NOT_CONTENT).remove();
    for (Element element : body.select("[class], [id]")) {
      String names = element.className() + " " + element.id();
      if (element != body
          && element.parent() != null
          && (NOISE.matcher(element.className()).find() || NOISE.matcher(element.id()).find())
          && !CONTENT.matcher(names).find()
          && element.selectFirst("article, main") == null) {
        element.remove();
      }
    }
    StringBuilder out = new StringBuilder();
    render(densest(body), out);
    return out.toString()
        .replaceAll(" {2,}", " ")
        .replaceAll(" *\n *", "\n")
        .replaceAll("\n{3,}", "\n\n")
        .strip();
  }

  /** The element holding the most paragraph text, or the whole body when there are none. */
  private static Element densest(Element body) {
    Map<Element, Double> scores = new HashMap<>();
    for (Element paragraph : body.select("p, pre, blockquote, li")) {
      double length = paragraph.text().length();
      if (length < 20) {
        continue;
      }
      Element parent = paragraph.parent();
      if (parent != null) {
        scores.merge(parent, length, Double::sum);
        Element grandparent = parent.parent();
        if (grandparent != null) {
          scores.merge(grandparent, length / 2, Double::sum);
        }
      }
    }
    Element best = body;
    double bestScore = 0;
    for (Map.Entry<Element, Double> candidate : scores.entrySet()) {
      double linkText = candidate.getKey().select("a").text().length();
      double total = Math.max(1, candidate.getKey().text().length());
      double score = candidate.getValue() * (1 - linkText / total);
      if (score > bestScore) {
        best = candidate.getKey();
        bestScore = score;
      }
    }
    return best;
  }

  /** Writes the element's text, a line per block, links as {@code text (url)}. */
  private static void render(Node node, StringBuilder out) {
    if (node instanceof TextNode text) {
      out.append(text.text().replaceAll("\\s+", " "));
      return;
    }
    if (!(node instanceof Element element)) {
      return;
    }
    String tag = element.normalName();
    boolean block = BLOCKS.contains(tag);
    if (block) {
      out.append('\n');
    }
    if (tag.matches("h[1-6]")) {
      out.append("#".repeat(tag.charAt(1) - '0')).append(' ');
    } else if (tag.equals("li")) {
      out.append("- ");
    }
    if (tag.equals("a")) {
      String label = element.text().strip();
      String href = element.absUrl("href");
      out.append(label);
      if (!href.isEmpty() && href.startsWith("http") && !href.equals(label)) {
        out.append(" (").append(href).append(')');
      }
      return;
    }
    if (tag.equals("img")) {
      String alt = element.attr("alt").strip();
      if (!alt.isEmpty()) {
        out.append("[image: ").append(alt).append(']');
      }
      return;
    }
    for (Node child : element.childNodes()) {
      render(child, out);
    }
    if (block) {
      out.append('\n');
    }
  }

  private static ReadablePage cut(String title, String text, int maxChars, boolean downloadCut) {
    if (text.length() <= maxChars) {
      return new ReadablePage(title, text, downloadCut);
    }
    return new ReadablePage(title, text.substring(0, maxChars), true);
  }
}
