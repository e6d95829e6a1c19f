package io.protohive.kernel.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * Files' types, told apart by their bytes, and the kinds of document whose text is searched. A
 * file's name is only a hint: a PNG named {@code report.pdf} is a PNG.
 */
public final class ContentTypes {

  public static final String PDF = "application/pdf";
  public static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String PPTX =
      "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String MSG = "application/vnd.ms-outlook";
  public static final String ODT = "application/vnd.oasis.opendocument.text";
  public static final String HTML = "text/html";
  public static final String XHTML = "application/xhtml+xml";
  public static final String PLAIN_TEXT = "text/plain";
  public static final String MARKDOWN = "text/markdown";
  public static final String CSV = "text/csv";
  public static final String EML = "message/rfc822";

  /** What a person calls each kind, for the reasons an upload or an extraction fails. */
  private static final Map<String, String> INGESTED =
      Map.ofEntries(
          Map.entry(PDF, "PDF"),
          Map.entry(DOCX, "Word document"),
          Map.entry(PPTX, "PowerPoint presentation"),
          Map.entry(XLSX, "Excel workbook"),
          Map.entry(MSG, "Outlook message"),
          Map.entry(ODT, "OpenDocument text"),
          Map.entry(HTML, "web page"),
          Map.entry(XHTML, "web page"),
          Map.entry(PLAIN_TEXT, "text file"),
          Map.entry(MARKDOWN, "Markdown file"),
          Map.entry(CSV, "CSV file"),
          Map.entry(EML, "email message"));

  private static final Set<String> REFUSED =
      Set.of(
          "application/x-msdownload",
          "application/x-dosexec",
          "application/x-executable",
          "application/x-sharedlib",
          "application/x-mach-o-executable",
          "application/x-elf");

  /**
   * Tika's detectors, thread-safe, loaded once from every module's registry; not through {@code
   * TikaConfig}, which would load every parser of the classpath as well.
   */
  private static final Detector DETECTOR = new DefaultDetector();

  private ContentTypes() {}

  /**
   * The content type of a document, without parameters, from its bytes and, where the bytes allow
   * several, its name. Reads {@code content} as far as detection needs and does not close it.
   */
  public static String detect(InputStream content, String nameHint) throws IOException {
    try (TikaInputStream stream = TikaInputStream.get(CloseShieldInputStream.wrap(content))) {
      return detect(stream, nameHint);
    }
  }

  public static Detector detector() {
    return DETECTOR;
  }

  public static String detect(TikaInputStream content, String nameHint) throws IOException {
    Metadata metadata = new Metadata();
    if (FileNames.isSafe(nameHint)) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, nameHint);
    }
    return DETECTOR.detect(content, metadata).getBaseType().toString();
  }

  /** Whether documents of this type (as {@link #detect} names it) are ingested. */
  public static boolean isIngested(String contentType) {
    return INGESTED.containsKey(contentType);
  }

  /** What a person calls documents of this type: "PDF", "Word document", or just "document". */
  public static String describe(String contentType) {
    return INGESTED.getOrDefault(contentType, "document");
  }

  /** Whether files of this type are refused at upload: programs are no documents to share. */
  public static boolean refused(String contentType) {
    return REFUSED.contains(contentType);
  }
}
