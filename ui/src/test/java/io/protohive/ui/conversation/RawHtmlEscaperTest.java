package io.protohive.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawHtmlEscaperTest {

  @Test
  void tagsInTextBecomeText() {
    assertThat(RawHtmlEscaper.escape("Hi <img src=x onerror=alert(1)> **there**"))
        .isEqualTo("Hi &lt;img src=x onerror=alert(1)> **there**");
  }

  @Test
  void codeShowsAsWritten() {
    assertThat(RawHtmlEscaper.escape("Use `List<String>` or ``a ` <b>``, not <b>."))
        .isEqualTo("Use `List<String>` or ``a ` <b>``, not &lt;b>.");
    String fenced = "```java\nList<String> names;\n```\n<form>";
    assertThat(RawHtmlEscaper.escape(fenced))
        .isEqualTo("```java\nList<String> names;\n```\n&lt;form>");
  }

  @Test
  void aFenceInAListItemHoldsItsIndentedLines() {
    String markdown = "1. Run it:\n   ```\n   a < b\n\n   ```\n<b>";
    assertThat(RawHtmlEscaper.escape(markdown))
        .isEqualTo("1. Run it:\n   ```\n   a < b\n\n   ```\n&lt;b>");
  }

  @Test
  void aLineLessIndentedThanItsFenceLeavesCodeBlocksInDoubtForGood() {
    String markdown = "- a\n  ```\n<form>\n  ```\n<x>\n```\n<y>";
    assertThat(RawHtmlEscaper.escape(markdown))
        .isEqualTo("- a\n  ```\n&lt;form>\n  ```\n&lt;x>\n```\n&lt;y>");
  }

  @Test
  void aClosingFenceThatDialectsReadDifferentlyIsADoubt() {
    assertThat(RawHtmlEscaper.escape("```\n<a>\n```~\n<b>")).isEqualTo("```\n<a>\n```~\n&lt;b>");
  }

  @Test
  void aCodeSpanThatMayRunOverLinesIsNotTrustedUntilTheParagraphEnds() {
    assertThat(RawHtmlEscaper.escape("a `b\nc` <form> `d`\n\n`<e>`"))
        .isEqualTo("a `b\nc` &lt;form> `d`\n\n`<e>`");
  }

  @Test
  void anEscapedBacktickOpensNoCodeSpan() {
    assertThat(RawHtmlEscaper.escape("\\`<b>` and \\<i>")).isEqualTo("\\`&lt;b>` and \\<i>");
  }

  @Test
  void tableRowsSplitAtPipesEvenInCode() {
    assertThat(RawHtmlEscaper.escape("| `a | <b>` |")).isEqualTo("| `a | &lt;b>` |");
  }
}
