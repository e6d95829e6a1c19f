package io.protohive.kernel.knowledge;

import io.protohive.kernel.llm.LocalEmbeddingModel;
import io.protohive.kernel.memory.MemorySentences;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jsoup.Jsoup;

/**
 * Ingestion throughput on a mixed corpus generated here, a quarter each of PDF (PDFBox), DOCX
 * (POI), Markdown and HTML, every document ten pages of about 2,800 characters (a page is a real
 * page of a PDF, a page break in a DOCX, and as much text in Markdown and HTML): {@link
 * TextExtractor} and {@link Chunker} against reading the same bytes with the format's own library
 * alone (PDFBox's {@code PDFTextStripper}, POI's {@code XWPFWordExtractor}, jsoup, UTF-8 decoding),
 * and then embedding the chunks with the in-process model, as ingestion does in batches of 32. One
 * thread, as one file's ingestion runs. Run by bench/knowledge-ingestion.sh.
 *
 * <p>Arguments, all optional: documents per format, measured passes over the corpus.
 */
public final class IngestionBench {

  static final int PAGES = 10;
  static final int PARAGRAPHS_PER_PAGE = 4;
  static final int SENTENCES_PER_PARAGRAPH = 5;
  static final int EMBEDDING_BATCH = 32;
  static final int WARM_UP_PASSES = 5;

  private final MemorySentences sentences = new MemorySentences(20261206L);

  /** A generated document: its name (the type's hint), bytes and pages. */
  record Document(String name, String format, byte[] bytes) {}

  public static void main(String[] args) throws Exception {
    int perFormat = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<Document> corpus = new IngestionBench().corpus(perFormat);
    long bytes = corpus.stream().mapToLong(document -> document.bytes().length).sum();
    int pages = corpus.size() * PAGES;
    log(
        "corpus: %d documents, %d pages, %.1f MB (%d each of pdf, docx, md, html)",
        corpus.size(), pages, bytes / 1e6, perFormat);

    ExecutorService workers = Executors.newSingleThreadExecutor();
    try {
      TextExtractor extractor = new TextExtractor(workers, ExtractionLimits.DEFAULTS);
      Chunker chunker = new Chunker();
      List<Chunk> chunks = new ArrayList<>();
      double baseline = median(passes, () -> corpus.forEach(IngestionBench::readPlainly));
      double ours =
          median(
              passes,
              () -> {
                chunks.clear();
                for (Document document : corpus) {
                  chunks.addAll(
                      chunker.chunk(
                          extractor.extract(
                              new ByteArrayInputStream(document.bytes()), document.name())));
                }
              });
      rate("format's library alone (baseline)", baseline, pages, bytes, baseline);
      rate("TextExtractor + Chunker", ours, pages, bytes, baseline);
      log("  %d chunks, %.0f characters each on average", chunks.size(), averageLength(chunks));
      for (String format : List.of("pdf", "docx", "md", "html")) {
        List<Document> some = corpus.stream().filter(d -> d.format().equals(format)).toList();
        long someBytes = some.stream().mapToLong(d -> d.bytes().length).sum();
        double plain = median(passes, () -> some.forEach(IngestionBench::readPlainly));
        double extracted =
            median(
                passes,
                () -> {
                  for (Document document : some) {
                    chunker.chunk(
                        extractor.extract(
                            new ByteArrayInputStream(document.bytes()), document.name()));
                  }
                });
        rate("  " + format + ": library alone", plain, some.size() * PAGES, someBytes, plain);
        rate("  " + format + ": ours", extracted, some.size() * PAGES, someBytes, plain);
      }

      LocalEmbeddingModel model =
          new LocalEmbeddingModel(Files.createTempDirectory("protohive-bench-djl"));
      List<String> texts = chunks.stream().map(Chunk::text).toList();
      // one pass warms the model up: each takes most of a minute
      double embedding =
          median(
              1,
              1,
              () -> {
                for (int from = 0; from < texts.size(); from += EMBEDDING_BATCH) {
                  model.embed(texts.subList(from, Math.min(texts.size(), from + EMBEDDING_BATCH)));
                }
              });
      rate("embedding the chunks (batches of 32)", embedding, pages, bytes, ours);
      log("  %.0f chunks per second", texts.size() / embedding);
      rate("extract + chunk + embed", ours + embedding, pages, bytes, baseline);
    } finally {
      workers.shutdownNow();
    }
  }

  private List<Document> corpus(int perFormat) throws IOException {
    List<Document> corpus = new ArrayList<>();
    for (int n = 0; n < perFormat; n++) {
      corpus.add(new Document("report-" + n + ".pdf", "pdf", pdf(pages())));
      corpus.add(new Document("report-" + n + ".docx", "docx", docx(pages())));
      corpus.add(new Document("notes-" + n + ".md", "md", markdown(pages())));
      corpus.add(new Document("page-" + n + ".html", "html", html(pages())));
    }
    return corpus;
  }

  /** Ten pages of four paragraphs of five generated sentences each. */
  private List<List<String>> pages() {
    List<List<String>> pages = new ArrayList<>();
    for (int page = 0; page < PAGES; page++) {
      List<String> paragraphs = new ArrayList<>();
      for (int p = 0; p < PARAGRAPHS_PER_PAGE; p++) {
        paragraphs.add(String.join(" ", sentences.next(SENTENCES_PER_PARAGRAPH)));
      }
      pages.add(paragraphs);
    }
    return pages;
  }

  private static byte[] pdf(List<List<String>> pages) throws IOException {
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int n = 0; n < pages.size(); n++) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 9);
          content.setLeading(11);
          content.newLineAtOffset(50, 740);
          content.showText("Section " + (n + 1));
          content.newLine();
          for (String paragraph : pages.get(n)) {
            content.newLine();
            for (String line : wrap(paragraph, 110)) {
              content.showText(line);
              content.newLine();
            }
          }
          content.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  private static byte[] docx(List<List<String>> pages) throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int n = 0; n < pages.size(); n++) {
        XWPFParagraph heading = document.createParagraph();
        heading.setStyle("Heading1");
        heading.createRun().setText("Section " + (n + 1));
        for (String paragraph : pages.get(n)) {
          document.createParagraph().createRun().setText(paragraph);
        }
        if (n < pages.size() - 1) {
          document.createParagraph().createRun().addBreak(BreakType.PAGE);
        }
      }
      document.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] markdown(List<List<String>> pages) {
    StringBuilder text = new StringBuilder();
    for (int n = 0; n < pages.size(); n++) {
      text.append("## Section ").append(n + 1).append("\n\n");
      for (String paragraph : pages.get(n)) {
        text.append(String.join("\n", wrap(paragraph, 100))).append("\n\n");
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] html(List<List<String>> pages) {
    StringBuilder text =
        new StringBuilder("<!DOCTYPE html><html><head><title>Page</title></head><body>\n");
    for (int n = 0; n < pages.size(); n++) {
      text.append("<h2>Section ").append(n + 1).append("</h2>\n");
      for (String paragraph : pages.get(n)) {
        text.append("<p>").append(paragraph).append("</p>\n");
      }
    }
    return text.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> wrap(String paragraph, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.split(" ")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** The document's text as its format's library reads it, with nothing of ours. */
  private static void readPlainly(Document document) {
    try {
      String text =
          switch (document.format()) {
            case "pdf" -> {
              try (PDDocument pdf = Loader.loadPDF(document.bytes())) {
                yield new PDFTextStripper().getText(pdf);
              }
            }
            case "docx" -> {
              try (XWPFWordExtractor docx =
                  new XWPFWordExtractor(
                      new XWPFDocument(new ByteArrayInputStream(document.bytes())))) {
                yield docx.getText();
              }
            }
            case "html" -> Jsoup.parse(new String(document.bytes(), StandardCharsets.UTF_8)).text();
            default -> new String(document.bytes(), StandardCharsets.UTF_8);
          };
      if (text.isBlank()) {
        throw new IllegalStateException(document.name() + " has no text");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Pass {
    void run() throws Exception;
  }

  /** Seconds of the median measured pass, after the warm-up passes. */
  private static double median(int passes, Pass pass) throws Exception {
    return median(WARM_UP_PASSES, passes, pass);
  }

  private static double median(int warmUp, int passes, Pass pass) throws Exception {
    for (int i = 0; i < warmUp; i++) {
      pass.run();
    }
    double[] seconds = new double[passes];
    for (int i = 0; i < passes; i++) {
      long start = System.nanoTime();
      pass.run();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    return seconds[passes / 2];
  }

  private static void rate(String what, double seconds, int pages, long bytes, double baseline) {
    log(
        "%-40s %8.3f s  %8.1f pages/s  %7.2f MB/s  (%.2f x baseline time)",
        what, seconds, pages / seconds, bytes / 1e6 / seconds, seconds / baseline);
  }

  private static double averageLength(List<Chunk> chunks) {
    return chunks.stream().mapToInt(chunk -> chunk.text().length()).average().orElse(0);
  }

  private static void log(String format, Object... arguments) {
    System.out.println(String.format(format, arguments));
  }
}
