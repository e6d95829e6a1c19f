package io.protohive.kernel.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.protohive.kernel.knowledge.TextBlock.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  private final Chunker chunker = new Chunker();

  @Test
  void packsTheParagraphsOfASectionTogether() {
    List<Chunk> chunks =
        chunk(paragraph(null, "Bees", "Bees fly."), paragraph(null, "Bees", "Bees sting."));

    assertThat(chunks)
        .extracting(Chunk::ordinal, Chunk::page, Chunk::heading, Chunk::text)
        .containsExactly(tuple(0, null, "Bees", "Bees fly.\n\nBees sting."));
  }

  @Test
  void neverCrossesAPageOrASection() {
    List<Chunk> chunks =
        chunk(
            paragraph(1, "Bees", "On page one."),
            paragraph(2, "Bees", "On page two."),
            paragraph(2, "Bees > Queens", "Under another heading."));

    assertThat(chunks)
        .extracting(Chunk::ordinal, Chunk::page, Chunk::heading, Chunk::text)
        .containsExactly(
            tuple(0, 1, "Bees", "On page one."),
            tuple(1, 2, "Bees", "On page two."),
            tuple(2, 2, "Bees > Queens", "Under another heading."));
  }

  @Test
  void cutsALongParagraphBetweenSentences() {
    List<String> sentences =
        IntStream.range(0, 40)
            .mapToObj(i -> "Sentence " + i + " tells how the colony spends its winter.")
            .toList();
    String paragraph = String.join(" ", sentences);

    List<Chunk> chunks = chunk(paragraph(null, null, paragraph));

    assertThat(chunks).hasSizeGreaterThan(1);
    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.text()).hasSizeLessThanOrEqualTo(800));
    assertThat(chunks)
        .allSatisfy(chunk -> assertThat(chunk.text()).startsWith("Sentence ").endsWith("winter."));
    assertThat(chunks.stream().map(Chunk::text).collect(Collectors.joining(" ")))
        .isEqualTo(paragraph);
  }

  @Test
  void cutsASentenceLongerThanAChunkBetweenWords() {
    String sentence = "word ".repeat(400).strip();

    List<Chunk> chunks = chunk(paragraph(null, null, sentence));

    assertThat(chunks).hasSize(3);
    assertThat(chunks)
        .allSatisfy(
            chunk ->
                assertThat(chunk.text()).hasSizeLessThanOrEqualTo(800).doesNotContain("wo rd"));
    assertThat(chunks.stream().map(Chunk::text).collect(Collectors.joining(" ")))
        .isEqualTo(sentence);
  }

  @Test
  void keepsASmallTableWholeEvenBeyondAChunk() {
    String table = rows(70);
    assertThat(table.length()).isBetween(801, 1500);

    List<Chunk> chunks =
        chunk(
            paragraph(1, "Prices", "Before the table."),
            new TextBlock(1, "Prices", Kind.TABLE, table),
            paragraph(1, "Prices", "After the table."));

    assertThat(chunks)
        .extracting(Chunk::text)
        .containsExactly("Before the table.", table, "After the table.");
  }

  @Test
  void cutsALargeTableBetweenRowsRepeatingItsHeader() {
    String table = rows(200);

    List<Chunk> chunks = chunk(new TextBlock(3, "Prices", Kind.TABLE, table));

    assertThat(chunks).hasSizeGreaterThan(2);
    assertThat(chunks)
        .allSatisfy(
            chunk -> {
              assertThat(chunk.text()).hasSizeLessThanOrEqualTo(800).startsWith("Item | Price\n");
              assertThat(chunk.page()).isEqualTo(3);
            });
    List<String> bodyRows = new ArrayList<>();
    chunks.forEach(chunk -> bodyRows.addAll(chunk.text().lines().skip(1).toList()));
    assertThat(bodyRows).isEqualTo(table.lines().skip(1).toList());
  }

  private List<Chunk> chunk(TextBlock... blocks) {
    return chunker.chunk(new ExtractedDocument("text/plain", null, List.of(blocks)));
  }

  private static TextBlock paragraph(Integer page, String heading, String text) {
    return new TextBlock(page, heading, Kind.PARAGRAPH, text);
  }

  private static String rows(int count) {
    return "Item | Price\n"
        + IntStream.range(0, count)
            .mapToObj(i -> "Item " + i + " | " + i + " EUR")
            .collect(Collectors.joining("\n"));
  }
}
