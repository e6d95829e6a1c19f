package io.protohive.plugins.documents;

import java.util.List;
import org.commonmark.node.Node;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Writes one small document of each kind on a background thread when the plugin starts, so that the
 * first call does not pay for loading the libraries: POI's OOXML schemas alone are a 14 MB jar, and
 * loading them takes seconds, longer than a short call deadline.
 */
@Component(immediate = true)
public final class Warmup {

  private volatile Thread warming;

  @Activate
  void activate() {
    ClassLoader bundle = Warmup.class.getClassLoader();
    Thread thread = new Thread(() -> write(bundle), "protohive-documents-warmup");
    thread.setDaemon(true);
    warming = thread;
    thread.start();
  }

  @Deactivate
  void deactivate() {
    Thread thread = warming;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private static void write(ClassLoader bundle) {
    Thread.currentThread().setContextClassLoader(bundle);
    try {
      Node sample = Markdown.parse("# Warm\n\n- **one**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
      DocxWriter.write("Warm", sample);
      PdfWriter.write("Warm", sample);
      XlsxWriter.write("Warm", List.of(new XlsxWriter.Sheet("Warm", List.of(List.of("a", 1.0)))));
    } catch (Exception | LinkageError e) {
      // nothing is lost: the first call loads what is missing, or reports why it cannot
    }
  }
}
