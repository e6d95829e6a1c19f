package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person drops a PDF onto an organization's Files page and watches it upload and become ready,
 * previews its pages rendered on the server, then asks an agent, whose answer cites the page that
 * holds it; the citation opens the file at that page.
 */
@ExtendWith(ArquillianExtension.class)
class FilesBrowserIT {

  private static final List<String> HANDBOOK =
      List.of(
          "Welcome to Northwind. This handbook describes how the company works.",
          "Refunds: customers may return any product within 45 days of delivery for a full refund.",
          "Security: badges must be worn at all times inside the building.");

  private Browser browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void aDroppedPdfBecomesReadyIsPreviewedAndAnAgentsCitationOpensItsPage() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("files-ui");
    String[] api = admin.bearer();
    String organization =
        Platform.json(Platform.post("api/v1/organizations", "{\"name\":\"Northwind\"}", api))
            .get("id")
            .asText();

    browser.signIn(admin.email(), Accounts.PASSWORD);
    browser.open("organizations/" + organization);
    browser.click(By.id("organization-files"));
    WebElement upload =
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file-upload")));
    drop(upload, "Handbook.pdf", "application/pdf", Documents.pdf(HANDBOOK));

    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-upload-file")));
    await()
        .atMost(Browser.RENDER)
        .until(
            () ->
                browser
                        .driver
                        .findElement(By.cssSelector("vaadin-upload-file"))
                        .getAttribute("complete")
                    != null);
    await()
        .atMost(Browser.RENDER)
        .until(
            () ->
                !browser
                    .driver
                    .findElements(By.cssSelector("#files .file-status[data-status='READY']"))
                    .isEmpty());
    browser.screenshot("files.png");
    String fileId =
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/files", api))
            .get("items")
            .get(0)
            .get("id")
            .asText();

    browser.click(By.cssSelector("#files a.file-name"));
    WebElement page =
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file-page-image")));
    await().atMost(Browser.RENDER).until(() -> rendered(page));
    assertThat(browser.driver.findElement(By.id("file-page")).getText()).isEqualTo("Page 1 of 3");

    // the pages opened are in the tenant's audit trail, as API reads are
    JsonNode viewed =
        Platform.json(Platform.get("api/v1/tenant/audit?action=UI_VIEW&target=" + fileId, api));
    assertThat(viewed.get("items").findValuesAsText("route"))
        .isNotEmpty()
        .containsOnly("VIEW /files/{fileId}");
    assertThat(viewed.get("items").get(0).get("actorKind").asText()).isEqualTo("PERSON");
    assertThat(viewed.get("items").get(0).get("sourceAddress").asText())
        .as("the browser's loopback address")
        .isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    JsonNode organizationPage =
        Platform.json(
                Platform.get("api/v1/tenant/audit?action=UI_VIEW&target=" + organization, api))
            .get("items");
    assertThat(organizationPage.findValuesAsText("route")).contains("VIEW /organizations/{id}");
    assertThat(organizationPage.findValuesAsText("organizationId")).contains(organization);

    PluginsApi.configure(
        "io.protohive.plugins.llm-scripted",
        "{\"enabled\":true,\"config\":{\"tokenDelayMillis\":\"1\",\"plan\":\"call:"
            + " knowledge_search {\\\"query\\\":\\\"How long do customers have to return a"
            + " product?\\\"}\"}}",
        api);
    Platform.send(
        "PUT",
        "api/v1/tenant/llm-route",
        "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
        api);
    Platform.post(
        "api/v1/organizations/" + organization + "/agents",
        "{\"name\":\"Librarian\",\"role\":\"Answers from the handbook\"}",
        api);
    browser.open("organizations/" + organization);
    browser.chatWith("Librarian");
    browser.type("chat-input", "How long do customers have to return a product?");
    browser.click(By.id("chat-send"));
    By citation =
        By.cssSelector("#messages vaadin-markdown a[href*='/files/" + fileId + "?page=2']");
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(citation));
    browser.screenshot("citation.png");
    browser.click(citation);

    browser.wait.until(ExpectedConditions.urlContains("/files/" + fileId));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("file-page"), "Page 2 of 3"));
    WebElement cited =
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file-page-image")));
    assertThat(cited.getAttribute("data-page")).isEqualTo("2");
    await().atMost(Browser.RENDER).until(() -> rendered(cited));
    browser.screenshot("file-preview.png");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aFileDroppedIntoTheChatIsSentAsAChipAndTheAgentAnswersFromIt() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("chat-files-ui");
    String[] api = admin.bearer();
    String organization =
        Platform.json(Platform.post("api/v1/organizations", "{\"name\":\"Northwind\"}", api))
            .get("id")
            .asText();
    PluginsApi.configure(
        "io.protohive.plugins.llm-scripted",
        "{\"enabled\":true,\"config\":{\"tokenDelayMillis\":\"1\",\"plan\":\"call:"
            + " knowledge_search {\\\"query\\\":\\\"How long do customers have to return a"
            + " product?\\\"}\"}}",
        api);
    Platform.send(
        "PUT",
        "api/v1/tenant/llm-route",
        "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
        api);
    Platform.post(
        "api/v1/organizations/" + organization + "/agents",
        "{\"name\":\"Librarian\",\"role\":\"Answers from what it is given\"}",
        api);

    browser.signIn(admin.email(), Accounts.PASSWORD);
    browser.open("organizations/" + organization);
    browser.chatWith("Librarian");
    WebElement attach =
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat-attach")));
    drop(attach, "Handbook.pdf", "application/pdf", Documents.pdf(HANDBOOK));
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#chat-attachments a.file-chip")));
    String fileId =
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/files", api))
            .get("items")
            .get(0)
            .get("id")
            .asText();
    await()
        .atMost(Browser.RENDER)
        .until(
            () ->
                Platform.json(Platform.get("api/v1/files/" + fileId, api))
                    .get("status")
                    .asText()
                    .equals("READY"));

    browser.type("chat-input", "How long do customers have to return a product?");
    browser.click(By.id("chat-send"));
    By chip = By.cssSelector("#messages .message-files a.file-chip[data-file-id='" + fileId + "']");
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(chip));
    assertThat(browser.driver.findElements(By.cssSelector("#chat-attachments a.file-chip")))
        .isEmpty();
    By citation =
        By.cssSelector("#messages vaadin-markdown a[href*='/files/" + fileId + "?page=2']");
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(citation));
    browser.screenshot("chat-attachment.png");

    browser.click(chip);
    browser.wait.until(ExpectedConditions.urlContains("/files/" + fileId));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("file-page"), "Page 1 of 3"));
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /** Drops a file onto a Vaadin upload as a person's drag and drop does. */
  private void drop(WebElement upload, String name, String type, byte[] content) {
    ((JavascriptExecutor) browser.driver)
        .executeScript(
            "const bytes = Uint8Array.from(atob(arguments[1]), c => c.charCodeAt(0));"
                + "const transfer = new DataTransfer();"
                + "transfer.items.add(new File([bytes], arguments[2], {type: arguments[3]}));"
                + "for (const kind of ['dragenter', 'dragover', 'drop']) {"
                + "  arguments[0].dispatchEvent(new DragEvent(kind,"
                + "    {dataTransfer: transfer, bubbles: true, cancelable: true}));"
                + "}",
            upload,
            Base64.getEncoder().encodeToString(content),
            name,
            type);
  }

  private boolean rendered(WebElement image) {
    Object width =
        ((JavascriptExecutor) browser.driver)
            .executeScript("return arguments[0].complete && arguments[0].naturalWidth", image);
    return width instanceof Number number && number.intValue() > 0;
  }
}
