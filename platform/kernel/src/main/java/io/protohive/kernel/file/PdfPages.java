package io.protohive.kernel.file;

import io.protohive.kernel.platform.Rejection;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF page rendered on the server as a PNG, so that a preview needs no PDF reader in the browser
 * and runs none of the document's scripts.
 */
public final class PdfPages {

  /** Enough to read a page on a screen; the image stays well under a few megabytes. */
  private static final float DPI = 110;

  private PdfPages() {}

  /**
   * @param page 1-based
   * @throws Rejection for a page the document does not have or a document that cannot be shown
   */
  public static byte[] png(InputStream pdf, int page) {
    try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
      if (page < 1 || page > document.getNumberOfPages()) {
        throw Rejection.invalid(
            "page", "The document has pages 1 to " + document.getNumberOfPages() + ".");
      }
      BufferedImage image =
          new PDFRenderer(document).renderImageWithDPI(page - 1, DPI, ImageType.RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (InvalidPasswordException e) {
      throw Rejection.invalid("page", "The PDF is encrypted.");
    } catch (IOException e) {
      throw new UncheckedIOException("a PDF page cannot be rendered", e);
    }
  }
}
