package io.protohive.kernel.knowledge;

import static io.protohive.kernel.knowledge.TestDocuments.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.assertj.core.groups.Tuple.tuple;

import io.protohive.kernel.file.ContentTypes;
import io.protohive.kernel.knowledge.TextBlock.Kind;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

  private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);

  private final TextExtractor extractor = new TextExtractor(WORKERS, ExtractionLimits.DEFAULTS);
  private final Chunker chunker = new Chunker();

  @AfterAll
  static void stopWorkers() {
    WORKERS.shutdownNow();
  }

  @Test
  void keepsEachPdfPageApartAndCountsPages() throws Exception {
    byte[] pdf =
        TestDocuments.pdf(List.of("Queens lay eggs.", "Workers gather nectar.", "Drones mate."));

    ExtractedDocument document = extract(pdf, "bees.pdf");
    List<Chunk> chunks = chunker.chunk(document);

    assertThat(document.contentType()).isEqualTo(ContentTypes.PDF);
    assertThat(document.pageCount()).isEqualTo(3);
    assertThat(chunks)
        .extracting(Chunk::page, Chunk::text)
        .containsExactly(
            tuple(1, "Queens lay eggs."),
            tuple(2, "Workers gather nectar."),
            tuple(3, "Drones mate."));
  }

  @Test
  void followsTheHeadingsOfAWordDocumentAndKeepsItsTableWhole() throws Exception {
    ExtractedDocument document = extract(TestDocuments.docx(), "bees.docx");
    List<Chunk> chunks = chunker.chunk(document);

    assertThat(document.contentType()).isEqualTo(ContentTypes.DOCX);
    assertThat(document.pageCount()).isNull();
    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.page()).isNull());
    assertThat(chunkWith(chunks, "Honey bees live").heading()).isEqualTo("Introduction");
    assertThat(chunkWith(chunks, "price list").heading()).isEqualTo("Introduction > Prices");
    Chunk table = chunkWith(chunks, "Acacia honey");
    assertThat(table.heading()).isEqualTo("Introduction > Prices");
    assertThat(table.text()).isEqualTo("Product | Price\nAcacia honey | 12 EUR\nWax | 3 EUR");
    assertThat(chunkWith(chunks, "Bees make honey").heading()).isEqualTo("Summary");
  }

  @Test
  void readsASpreadsheetAsATablePerSheet() throws Exception {
    ExtractedDocument document = extract(TestDocuments.xlsx(), "hives.xlsx");

    assertThat(document.contentType()).isEqualTo(ContentTypes.XLSX);
    assertThat(document.blocks())
        .filteredOn(block -> block.kind() == Kind.TABLE)
        .singleElement()
        .satisfies(
            block -> {
              assertThat(block.heading()).isEqualTo("Hives");
              assertThat(block.text()).isEqualTo("Hive | Colony\nNorth | strong\nSouth | weak");
            });
  }

  @Test
  void numbersTheSlidesOfAPresentationAsPages() throws Exception {
    ExtractedDocument document =
        extract(TestDocuments.pptx(List.of("Spring inspection", "Autumn feeding")), "talk.pptx");
    List<Chunk> chunks = chunker.chunk(document);

    assertThat(document.contentType()).isEqualTo(ContentTypes.PPTX);
    assertThat(document.pageCount()).isEqualTo(2);
    assertThat(chunkWith(chunks, "Spring inspection").page()).isEqualTo(1);
    assertThat(chunkWith(chunks, "Autumn feeding").page()).isEqualTo(2);
  }

  @Test
  void followsTheHeadingsOfAnOpenDocumentText() throws Exception {
    List<Chunk> chunks = chunker.chunk(extract(TestDocuments.odt(), "swarms.odt"));

    assertThat(chunkWith(chunks, "swarm in spring").heading()).isEqualTo("Swarming");
    assertThat(chunkWith(chunks, "room to lay").heading()).isEqualTo("Swarming > Prevention");
  }

  @Test
  void followsTheHeadingsOfAWebPageAndLeavesOutScripts() throws Exception {
    String html =
        """
        <html><head><title>Apiary</title><script>var secret = 1;</script></head><body>
        <h1>Apiary</h1><p>Our hives stand by the river.</p>
        <h2>Visits</h2><p>Visitors wear veils.</p>
        <table><tr><th>Day</th><th>Hours</th></tr><tr><td>Sunday</td><td>10-12</td></tr></table>
        </body></html>
        """;

    ExtractedDocument document = extract(utf8(html), "apiary.html");
    List<Chunk> chunks = chunker.chunk(document);

    assertThat(document.contentType()).isEqualTo(ContentTypes.HTML);
    assertThat(chunkWith(chunks, "by the river").heading()).isEqualTo("Apiary");
    assertThat(chunkWith(chunks, "wear veils").heading()).isEqualTo("Apiary > Visits");
    assertThat(chunkWith(chunks, "Sunday").text()).isEqualTo("Day | Hours\nSunday | 10-12");
    assertThat(chunks).noneMatch(chunk -> chunk.text().contains("secret"));
  }

  @Test
  void followsTheHeadingsOfMarkdown() throws Exception {
    String markdown =
        """
        # Beekeeping

        Start with two hives.

        ## Tools

        | Tool | Use |
        |------|-----|
        | Smoker | calms bees |

        ```
        # not a heading
        ```
        """;

    ExtractedDocument document = extract(utf8(markdown), "guide.md");
    List<Chunk> chunks = chunker.chunk(document);

    assertThat(document.contentType()).isEqualTo(ContentTypes.MARKDOWN);
    assertThat(chunkWith(chunks, "two hives").heading()).isEqualTo("Beekeeping");
    assertThat(chunkWith(chunks, "Smoker").text()).isEqualTo("Tool | Use\nSmoker | calms bees");
    assertThat(chunkWith(chunks, "not a heading").heading()).isEqualTo("Beekeeping > Tools");
  }

  @Test
  void readsCsvAsATable() throws Exception {
    ExtractedDocument document = extract(utf8("hive,weight\nNorth,31\nSouth,27\n"), "weights.csv");

    assertThat(document.contentType()).isEqualTo(ContentTypes.CSV);
    assertThat(document.blocks())
        .singleElement()
        .satisfies(
            block -> {
              assertThat(block.kind()).isEqualTo(Kind.TABLE);
              assertThat(block.text()).isEqualTo("hive | weight\nNorth | 31\nSouth | 27");
            });
  }

  @Test
  void readsCsvWithSemicolonsAsATable() throws Exception {
    ExtractedDocument document = extract(utf8("Stock;Honey, kg\nNorth;31,5\n"), "stock.csv");

    assertThat(document.blocks())
        .extracting(TextBlock::text)
        .containsExactly("Stock | Honey, kg\nNorth | 31,5");
  }

  @Test
  void readsPlainTextParagraphs() throws Exception {
    ExtractedDocument document =
        extract(utf8("First paragraph\nstill first.\n\nSecond paragraph."), "notes.txt");

    assertThat(document.contentType()).isEqualTo(ContentTypes.PLAIN_TEXT);
    assertThat(document.blocks())
        .extracting(TextBlock::text)
        .containsExactly("First paragraph still first.", "Second paragraph.");
  }

  @Test
  void readsTheBodyOfAnEmail() throws Exception {
    String eml =
        """
        From: Ana <ana@example.org>
        To: Ben <ben@example.org>
        Subject: Hive inspection
        Date: Sat, 5 Dec 2026 10:00:00 +0000
        MIME-Version: 1.0
        Content-Type: text/plain; charset=UTF-8

        The north hive needs a new super before the rain.
        """;

    ExtractedDocument document = extract(utf8(eml), "inspection.eml");

    assertThat(document.contentType()).isEqualTo(ContentTypes.EML);
    assertThat(chunker.chunk(document))
        .anySatisfy(chunk -> assertThat(chunk.text()).contains("needs a new super"));
  }

  @Test
  void readsAttachmentsOnlyAsDeepAsTheLimitAllows() throws Exception {
    String eml =
        """
        From: Ana <ana@example.org>
        To: Ben <ben@example.org>
        Subject: Inspection report
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="part"

        --part
        Content-Type: text/plain; charset=UTF-8

        The report is attached.
        --part
        Content-Type: text/plain; charset=UTF-8
        Content-Disposition: attachment; filename="report.txt"

        Varroa counts fell in every hive.
        --part--
        """;
    TextExtractor shallow =
        new TextExtractor(
            WORKERS, new ExtractionLimits(10_000, Duration.ofSeconds(30), 0, 10, 100, 1 << 20));

    String deep = text(extract(utf8(eml), "report.eml"));
    String flat = text(shallow.extract(new ByteArrayInputStream(utf8(eml)), "report.eml"));

    assertThat(deep).contains("The report is attached.", "Varroa counts fell");
    assertThat(flat).contains("The report is attached.").doesNotContain("Varroa");
  }

  @Test
  void saysThatAPdfIsEncrypted() {
    assertFails(
        () -> extract(TestDocuments.encryptedPdf("Secret."), "secret.pdf"),
        ExtractionFailure.ENCRYPTED,
        "the PDF is encrypted");
  }

  @Test
  void saysThatATruncatedWordDocumentIsDamaged() throws Exception {
    byte[] docx = TestDocuments.docx();

    assertFails(
        () -> extract(Arrays.copyOf(docx, docx.length / 2), "broken.docx"),
        ExtractionFailure.CORRUPT,
        "damaged");
  }

  @Test
  void saysThatAnEmptyFileHasNoText() {
    assertFails(() -> extract(new byte[0], "empty.txt"), ExtractionFailure.NO_TEXT, "has no text");
  }

  @Test
  void saysThatAPdfWithoutTextHasNoText() {
    assertFails(
        () -> extract(TestDocuments.pdf(Arrays.asList((String) null)), "scan.pdf"),
        ExtractionFailure.NO_TEXT,
        "the PDF has no text");
  }

  @Test
  void stopsADecompressionBombBeforeItInflates() {
    assertThatThrownBy(() -> extract(TestDocuments.docxBomb(32 << 20), "bomb.docx"))
        .asInstanceOf(type(ExtractionException.class))
        .satisfies(
            failure -> {
              assertThat(failure.failure()).isEqualTo(ExtractionFailure.TOO_LARGE);
              assertThat(failure.getMessage()).contains("unpacks to far more");
              // POI's check while inflating, not Tika's count of the text once inflated
              assertThat(failure).rootCause().hasMessageContaining("Zip bomb detected");
            });
  }

  @Test
  void refusesAnOfficePartLargerThanTheMemoryLimit() throws Exception {
    Random random = new Random(7);
    StringBuilder words = new StringBuilder();
    while (words.length() < 300_000) {
      words.append(Long.toString(random.nextLong(), 36)).append(' ');
    }
    byte[] large = TestDocuments.docx(words.toString());
    TextExtractor bounded =
        new TextExtractor(
            WORKERS,
            new ExtractionLimits(1_000_000, Duration.ofSeconds(30), 1, 10, 100, 128 << 10));

    assertFails(
        () -> bounded.extract(new ByteArrayInputStream(large), "notes.docx"),
        ExtractionFailure.TOO_LARGE,
        "unpacks to far more");
    // the limits are POI's, for the whole process: the platform's one extractor sets them
    TextExtractor roomy = new TextExtractor(WORKERS, ExtractionLimits.DEFAULTS);
    assertThat(text(roomy.extract(new ByteArrayInputStream(large), "notes.docx")))
        .contains(words.substring(0, 40).strip());
  }

  @Test
  void stopsAtTheCharacterLimit() {
    TextExtractor small =
        new TextExtractor(
            WORKERS, new ExtractionLimits(100, Duration.ofSeconds(30), 1, 10, 100, 1 << 20));

    assertFails(
        () -> small.extract(new ByteArrayInputStream(utf8("bees ".repeat(100))), "long.txt"),
        ExtractionFailure.TOO_LARGE,
        "more text");
  }

  @Test
  void givesUpWhenTheWorkerDoesNotFinishInTime() {
    TextExtractor starved =
        new TextExtractor(
            task -> {}, new ExtractionLimits(100, Duration.ofMillis(50), 1, 10, 100, 1 << 20));

    assertFails(
        () -> starved.extract(new ByteArrayInputStream(utf8("bees")), "bees.txt"),
        ExtractionFailure.TIMEOUT,
        "took too long");
  }

  @Test
  void believesTheBytesRatherThanTheName() {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    byte[] exe = new byte[256];
    exe[0] = 'M';
    exe[1] = 'Z';

    assertThatThrownBy(() -> extract(png, "report.pdf"))
        .asInstanceOf(type(ExtractionException.class))
        .satisfies(
            failure -> {
              assertThat(failure.failure()).isEqualTo(ExtractionFailure.UNSUPPORTED_TYPE);
              assertThat(failure.contentType()).isEqualTo("image/png");
            });
    assertThatThrownBy(() -> extract(exe, "report.pdf"))
        .asInstanceOf(type(ExtractionException.class))
        .extracting(ExtractionException::failure)
        .isEqualTo(ExtractionFailure.UNSUPPORTED_TYPE);
  }

  private ExtractedDocument extract(byte[] content, String name) throws Exception {
    return extractor.extract(new ByteArrayInputStream(content), name);
  }

  private static String text(ExtractedDocument document) {
    return document.blocks().stream().map(TextBlock::text).collect(Collectors.joining("\n"));
  }

  private static Chunk chunkWith(List<Chunk> chunks, String text) {
    return chunks.stream()
        .filter(chunk -> chunk.text().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no chunk holds '" + text + "' in " + chunks));
  }

  private static void assertFails(
      ThrowingCallable extraction, ExtractionFailure reason, String message) {
    assertThatThrownBy(extraction)
        .asInstanceOf(type(ExtractionException.class))
        .satisfies(
            failure -> {
              assertThat(failure.failure()).isEqualTo(reason);
              assertThat(failure.getMessage()).contains(message);
            });
  }
}
