package io.protohive.kernel.knowledge;

import io.protohive.kernel.file.ContentTypes;
import io.protohive.kernel.file.FileNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.RecordFormatException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.FileTooLongException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.csv.TextAndCSVParser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.mail.RFC822Parser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;

/**
 * Extracts a document's text with Apache Tika as blocks that keep its pages, headings and tables.
 * Only the parsers of ingested types are composed, so no other parser of the classpath is ever
 * reached, not even through an attachment.
 *
 * <p>Each extraction runs on a worker of the given executor and is bounded by {@link
 * ExtractionLimits}: the caller stops waiting at the timeout, and the parse stops at its next
 * element. Thread-safe.
 */
public final class TextExtractor {

  /** Office documents encrypted with a password are OLE2 containers Tika names this way. */
  private static final String PROTECTED_OOXML = "application/x-tika-ooxml-protected";

  private static final String UNKNOWN_TYPE = "application/octet-stream";

  private static final int CSV_HEAD_BYTES = 8_192;

  private static final Map<Character, String> CSV_DELIMITERS =
      Map.of(';', "semicolon", '\t', "tab", '|', "pipe");

  private final Executor workers;
  private final ExtractionLimits limits;
  private final AutoDetectParser parser;

  public TextExtractor(Executor workers, ExtractionLimits limits) {
    this.workers = workers;
    this.limits = limits;
    this.parser =
        new AutoDetectParser(
            ContentTypes.detector(),
            pdfParser(limits),
            new OOXMLParser(),
            new OfficeParser(),
            new OpenDocumentParser(),
            new JSoupParser(),
            new TextAndCSVParser(),
            new RFC822Parser());
    // Tika's OOXML parser switches POI's zip-bomb check off for the whole process and relies on
    // the ratio of text to input, which it sees only after POI has inflated a part into memory.
    ZipSecureFile.setMinInflateRatio(1.0 / limits.maxCompressionRatio());
    // POI's memory limits are as process-wide as its zip-bomb check: the largest part it unpacks
    // and the largest record it reads into one array
    ZipSecureFile.setMaxEntrySize(limits.maxMemoryBytes());
    IOUtils.setByteArrayMaxOverride(limits.maxMemoryBytes());
    AutoDetectParserConfig config = new AutoDetectParserConfig();
    config.setMaximumCompressionRatio(limits.maxCompressionRatio());
    config.setMaximumPackageEntryDepth(limits.maxEmbeddedDepth() + 1);
    parser.setAutoDetectParserConfig(config);
  }

  private static PDFParser pdfParser(ExtractionLimits limits) {
    PDFParser pdf = new PDFParser();
    pdf.setMaxMainMemoryBytes(limits.maxMemoryBytes());
    return pdf;
  }

  /**
   * Reads {@code content} to its end on a worker and returns its text. Does not close {@code
   * content}.
   *
   * @param fileName the name the document was uploaded with; a hint for the type only
   * @throws ExtractionException with the reason a person understands
   * @throws InterruptedException when the calling thread is interrupted while it waits
   */
  public ExtractedDocument extract(InputStream content, String fileName)
      throws ExtractionException, InterruptedException {
    AtomicBoolean cancelled = new AtomicBoolean();
    Extraction extraction = new Extraction(content, fileName, cancelled);
    FutureTask<ExtractedDocument> task = new FutureTask<>(extraction::run);
    workers.execute(task);
    try {
      return task.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      cancelled.set(true);
      task.cancel(true);
      throw new ExtractionException(ExtractionFailure.TIMEOUT, extraction.contentType, e);
    } catch (InterruptedException e) {
      cancelled.set(true);
      task.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ExtractionException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new ExtractionException(
          ExtractionFailure.CORRUPT, extraction.contentType, e.getCause());
    }
  }

  /** One document's parse, on a worker. */
  private final class Extraction {

    private final InputStream content;
    private final String fileName;
    private final AtomicBoolean cancelled;
    private volatile String contentType = UNKNOWN_TYPE;

    Extraction(InputStream content, String fileName, AtomicBoolean cancelled) {
      this.content = content;
      this.fileName = fileName;
      this.cancelled = cancelled;
    }

    ExtractedDocument run() throws ExtractionException {
      try (TikaInputStream stream = TikaInputStream.get(CloseShieldInputStream.wrap(content))) {
        contentType = ContentTypes.detect(stream, fileName);
        if (contentType.equals(PROTECTED_OOXML)) {
          throw failure(ExtractionFailure.ENCRYPTED, null);
        }
        if (!ContentTypes.isIngested(contentType)) {
          throw failure(ExtractionFailure.UNSUPPORTED_TYPE, null);
        }
        StructureHandler handler =
            new StructureHandler(
                pageClass(contentType),
                contentType.equals(ContentTypes.MARKDOWN),
                limits.maxCharacters(),
                cancelled::get);
        try {
          parser.parse(stream, handler, metadata(stream), context());
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
          // a document that exhausts memory or stack took only its own parse with it
          throw failure(classify(e, handler), e);
        }
        if (handler.stopped()) {
          throw failure(ExtractionFailure.TIMEOUT, null);
        }
        if (handler.limitReached()) {
          throw failure(ExtractionFailure.TOO_LARGE, null);
        }
        if (handler.blocks().isEmpty()) {
          throw failure(ExtractionFailure.NO_TEXT, null);
        }
        return new ExtractedDocument(contentType, handler.pageCount(), handler.blocks());
      } catch (IOException e) {
        throw failure(ExtractionFailure.CORRUPT, e);
      }
    }

    private Metadata metadata(TikaInputStream stream) throws IOException {
      Metadata metadata = new Metadata();
      if (FileNames.isSafe(fileName)) {
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
      }
      // the parser follows the type detected here rather than detecting again; Tika guesses a
      // CSV's delimiter only from a dozen rows on and would read a shorter one as prose
      String parsedAs =
          contentType.equals(ContentTypes.CSV)
              ? ContentTypes.CSV + "; delimiter=" + csvDelimiter(stream)
              : contentType;
      metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, parsedAs);
      return metadata;
    }

    private ParseContext context() {
      ParseContext context = new ParseContext();
      context.set(Parser.class, parser);
      context.set(
          EmbeddedDocumentExtractor.class,
          new LimitedEmbeddedDocumentExtractor(
              context, limits.maxEmbeddedDepth(), limits.maxEmbeddedDocuments()));
      PDFParserConfig pdf = new PDFParserConfig();
      pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
      pdf.setExtractBookmarksText(false);
      pdf.setExtractInlineImages(false);
      context.set(PDFParserConfig.class, pdf);
      return context;
    }

    private ExtractionException failure(ExtractionFailure reason, Throwable cause) {
      return new ExtractionException(reason, contentType, cause);
    }
  }

  /**
   * Tika's name of the delimiter that occurs most often in the first line; on a tie not the comma,
   * which is also the decimal separator where CSV is delimited by semicolons.
   */
  private static String csvDelimiter(TikaInputStream stream) throws IOException {
    stream.mark(CSV_HEAD_BYTES);
    byte[] head = stream.readNBytes(CSV_HEAD_BYTES);
    stream.reset();
    String firstLine = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
    String best = "comma";
    long bestCount = firstLine.chars().filter(c -> c == ',').count();
    for (Map.Entry<Character, String> delimiter : CSV_DELIMITERS.entrySet()) {
      long count = firstLine.chars().filter(c -> c == delimiter.getKey()).count();
      if (count > 0 && count >= bestCount) {
        best = delimiter.getValue();
        bestCount = count;
      }
    }
    return best;
  }

  private static String pageClass(String contentType) {
    return switch (contentType) {
      case ContentTypes.PDF -> "page";
      case ContentTypes.PPTX -> "slide-content";
      default -> null;
    };
  }

  /** The handler's own verdict first: parsers wrap or swallow the exception it threw. */
  private static ExtractionFailure classify(Throwable failure, StructureHandler handler) {
    if (handler.stopped()) {
      return ExtractionFailure.TIMEOUT;
    }
    if (handler.limitReached()) {
      return ExtractionFailure.TOO_LARGE;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof EncryptedDocumentException
          || cause instanceof InvalidPasswordException
          || cause instanceof org.apache.poi.EncryptedDocumentException) {
        return ExtractionFailure.ENCRYPTED;
      }
      if (cause instanceof ZeroByteFileException) {
        return ExtractionFailure.NO_TEXT;
      }
      if (cause instanceof TikaMemoryLimitException
          || cause instanceof FileTooLongException
          || cause instanceof OutOfMemoryError
          || cause instanceof StackOverflowError
          || cause instanceof RecordFormatException && isOversized(cause.getMessage())
          || isBomb(cause.getMessage())) {
        return ExtractionFailure.TOO_LARGE;
      }
    }
    return ExtractionFailure.CORRUPT;
  }

  /** Tika's SecureContentHandler and POI's zip reader say so in words, not in a type. */
  private static boolean isBomb(String message) {
    return message != null && message.toLowerCase(Locale.ROOT).contains("zip bomb");
  }

  /** POI refuses a record over {@link IOUtils#setByteArrayMaxOverride} in words too. */
  private static boolean isOversized(String message) {
    return message != null && message.contains("Tried to allocate an array of length");
  }
}
