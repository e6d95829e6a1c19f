package io.protohive.plugins.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protohive.plugin.api.ToolResult;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pages of a small local site read as an agent would get them. */
class WebReadToolTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String ARTICLE =
      """
      <!doctype html>
      <html><head><title>Why otters hold hands</title>
      <style>body { color: red }</style><script>var tracking = "SCRIPT-NOISE";</script></head>
      <body>
        <header><a href="/">Home</a> <a href="/login">Sign in HEADER-NOISE</a></header>
        <nav class="menu"><ul><li><a href="/a">Animals NAV-NOISE</a></li>
          <li><a href="/b">Plants</a></li></ul></nav>
        <div id="page" class="site has-sidebar">
          <aside class="sidebar"><p>Popular this week: ASIDE-NOISE and other stories you will
            surely like to read.</p></aside>
          <article>
            <h1>Why otters hold hands</h1>
            <p>Sea otters hold hands while they sleep so that they do not drift apart on the
              current. A group of resting otters is called a raft.</p>
            <p>Researchers at the <a href="https://example.org/aquarium">Monterey aquarium</a>
              have watched rafts of more than a hundred otters.</p>
            <ul><li>They sleep on their backs.</li><li>They wrap themselves in kelp.</li></ul>
          </article>
          <div class="cookie-banner"><p>We use cookies. Accept all COOKIE-NOISE cookies now, or
            manage them in the settings.</p></div>
        </div>
        <footer><p>Copyright FOOTER-NOISE 2026 by the otter society, all rights reserved.</p>
        </footer>
      </body></html>
      """;

  private final WebReadTool read = new WebReadTool();
  private FakeWeb web;

  @BeforeEach
  void start() throws Exception {
    web = new FakeWeb();
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void readsTheArticleWithoutTheNoise() throws Exception {
    web.page("/otters", "text/html; charset=utf-8", ARTICLE);

    JsonNode page = readOk(web.url("/otters"), Map.of());

    assertThat(page.get("notice").asText()).contains("Untrusted");
    assertThat(page.get("title").asText()).isEqualTo("Why otters hold hands");
    assertThat(page.get("url").asText()).isEqualTo(web.url("/otters"));
    assertThat(page.get("truncated").asBoolean()).isFalse();
    String text = page.get("text").asText();
    assertThat(text)
        .startsWith("# Why otters hold hands")
        .contains("A group of resting otters is called a raft.")
        .contains("Monterey aquarium (https://example.org/aquarium)")
        .contains("- They wrap themselves in kelp.")
        .doesNotContain("NOISE")
        .doesNotContain("tracking");
  }

  @Test
  void findsTheDensestBlockWithoutArticleMarkup() throws Exception {
    web.page(
        "/plain",
        "text/html",
        """
        <html><head><title>Plain</title></head><body>
        <div id="top"><a href="/1">One</a> | <a href="/2">Two</a> | <a href="/3">Three</a></div>
        <div id="x7"><p>The first paragraph of the real content is long enough to count.</p>
        <p>The second paragraph of the real content is long enough to count as well.</p></div>
        <div id="y9"><p>Share this page with twenty of your closest friends, right now.</p></div>
        </body></html>""");

    String text = readOk(web.url("/plain"), Map.of()).get("text").asText();

    assertThat(text)
        .isEqualTo(
            "The first paragraph of the real content is long enough to count.\n\n"
                + "The second paragraph of the real content is long enough to count as well.");
  }

  @Test
  void cutsAHugePageAtTheSettings() throws Exception {
    web.page(
        "/huge", "text/html", "<html><body><p>" + "otters ".repeat(200_000) + "</p></body></html>");

    JsonNode page =
        readOk(web.url("/huge"), Map.of("maxPageBytes", "100000", "maxTextChars", "5000"));

    assertThat(page.get("truncated").asBoolean()).isTrue();
    assertThat(page.get("text").asText()).hasSize(5000).startsWith("otters otters");
  }

  @Test
  void readsPlainTextAsItIs() throws Exception {
    web.page("/notes.txt", "text/plain", "Otters\n\nThey hold hands.");

    assertThat(readOk(web.url("/notes.txt"), Map.of()).get("text").asText())
        .isEqualTo("Otters\n\nThey hold hands.");
  }

  @Test
  void refusesWhatIsNotAPage() throws Exception {
    web.page("/report.pdf", "application/pdf", "%PDF-1.7 junk");

    ToolResult result = read.invoke(Map.of("url", web.url("/report.pdf")), web.context(Map.of()));

    assertThat(result.content())
        .isEqualTo("The page is application/pdf, not a web page that can be read as text.");
  }

  @Test
  void aMissingPageIsAToolError() throws Exception {
    ToolResult result = read.invoke(Map.of("url", web.url("/gone")), web.context(Map.of()));

    assertThat(result.content()).isEqualTo("The page answered with status 404.");
  }

  @Test
  void readsOnlyThroughTheGuard() throws Exception {
    web.page(
        "/to-metadata",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
          FakeWeb.respond(exchange, 302, "text/plain", "");
        });

    ToolResult direct =
        read.invoke(Map.of("url", "http://127.0.0.1:1/admin"), web.context(Map.of()));
    ToolResult redirected =
        read.invoke(Map.of("url", web.url("/to-metadata")), web.context(Map.of()));
    ToolResult file = read.invoke(Map.of("url", "file:///etc/passwd"), web.context(Map.of()));

    assertThat(direct.content()).startsWith("Refused: 127.0.0.1 is a loopback address");
    assertThat(redirected.content()).startsWith("Refused: 169.254.169.254 is a link-local");
    assertThat(file.content()).isEqualTo("Refused: only http and https URLs can be called.");
  }

  private JsonNode readOk(String url, Map<String, String> settings) throws Exception {
    ToolResult result = read.invoke(Map.of("url", url), web.context(settings));
    assertThat(result.kind()).as(result.content()).isEqualTo(ToolResult.Kind.JSON);
    return JSON.readTree(result.content());
  }
}
