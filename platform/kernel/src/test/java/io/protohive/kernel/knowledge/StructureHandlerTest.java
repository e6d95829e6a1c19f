package io.protohive.kernel.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

class StructureHandlerTest {

  @Test
  void countsOnlyTheDocumentsOwnPagesNotThoseOfAnAttachment() throws SAXException {
    StructureHandler handler = new StructureHandler("page", false, 1_000, () -> false);

    handler.startDocument();
    page(handler, "First page.");
    handler.startElement("", "div", "div", classed("package-entry"));
    page(handler, "An attached PDF's page.");
    handler.endElement("", "div", "div");
    page(handler, "Second page.");
    handler.endDocument();

    assertThat(handler.pageCount()).isEqualTo(2);
    assertThat(handler.blocks())
        .extracting(TextBlock::page, TextBlock::text)
        .containsExactly(
            tuple(1, "First page."), tuple(1, "An attached PDF's page."), tuple(2, "Second page."));
  }

  @Test
  void stopsTheParseOnceTheCallerGaveUp() throws SAXException {
    AtomicBoolean cancelled = new AtomicBoolean();
    StructureHandler handler = new StructureHandler(null, false, 1_000, cancelled::get);
    handler.startElement("", "p", "p", new AttributesImpl());

    cancelled.set(true);

    assertThatThrownBy(() -> text(handler, "more")).isInstanceOf(SAXException.class);
    assertThat(handler.stopped()).isTrue();
  }

  private static void page(StructureHandler handler, String text) throws SAXException {
    handler.startElement("", "div", "div", classed("page"));
    handler.startElement("", "p", "p", new AttributesImpl());
    text(handler, text);
    handler.endElement("", "p", "p");
    handler.endElement("", "div", "div");
  }

  private static void text(StructureHandler handler, String text) throws SAXException {
    handler.characters(text.toCharArray(), 0, text.length());
  }

  private static AttributesImpl classed(String name) {
    AttributesImpl attributes = new AttributesImpl();
    attributes.addAttribute("", "class", "class", "CDATA", name);
    return attributes;
  }
}
