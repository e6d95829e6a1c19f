package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files as their people use them, on both stores — the data folder and an S3-compatible object
 * store: upload, download whole and in ranges, folders, renaming, sharing by name, the bin; the
 * quota and the size limit; bad files refused or marked failed with their reason; hybrid search;
 * and an agent citing the page that answers.
 */
@ExtendWith({ArquillianExtension.class, S3Store.class})
class FilesIT {

  private static final List<String> HANDBOOK =
      List.of(
          "Welcome to Northwind. This handbook describes how the company works.",
          "Refunds: customers may return any product within 45 days of delivery for a full refund.",
          "Security: badges must be worn at all times inside the building.");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @ParameterizedTest
  @ValueSource(strings = {"disk", "s3"})
  void aFileIsUploadedReadInRangesFiledSharedBinnedAndRestored(String store) throws Exception {
    Team team = Team.of("files-" + store, store);
    byte[] pdf = Documents.pdf(HANDBOOK);

    HttpResponse<String> uploaded = team.upload("Handbook.pdf", pdf, null);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode file = Platform.json(uploaded);
    String fileId = file.get("id").asText();
    assertThat(file.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(file.get("sizeBytes").asLong()).isEqualTo(pdf.length);
    JsonNode ready = team.awaitSettled(fileId);
    assertThat(ready.get("status").asText()).as(ready.toString()).isEqualTo("READY");
    assertThat(ready.get("pages").asInt()).isEqualTo(3);

    HttpResponse<byte[]> whole = team.download(fileId, null);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(pdf);
    assertThat(whole.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("Handbook.pdf");
    HttpResponse<byte[]> part = team.download(fileId, "bytes=100-199");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(pdf, 100, 200));
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + pdf.length);
    HttpResponse<byte[]> tail = team.download(fileId, "bytes=-50");
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(pdf, pdf.length - 50, pdf.length));
    assertThat(team.download(fileId, "bytes=" + pdf.length + "-").statusCode()).isEqualTo(416);
    if (store.equals("disk")) {
      assertThat(storedBytesOnDisk(fileId)).doesNotContain("%PDF").doesNotContain("Refunds");
    }

    String folder =
        Platform.json(team.owner("POST", "folders", "{\"name\":\"Policies\"}")).get("id").asText();
    assertThat(team.ownerFile("PATCH", fileId, "{\"folderId\":\"" + folder + "\"}").statusCode())
        .isEqualTo(200);
    assertThat(team.names(team.owner, "")).doesNotContain("Handbook.pdf");
    assertThat(team.names(team.owner, "?folder=" + folder)).containsExactly("Handbook.pdf");
    assertThat(team.ownerFile("PATCH", fileId, "{\"name\":\"../Handbook.pdf\"}").statusCode())
        .isEqualTo(400);
    assertThat(team.ownerFile("PATCH", fileId, "{\"name\":\"Staff handbook.pdf\"}").statusCode())
        .isEqualTo(200);

    // visible to the organization by default, then only to those named
    assertThat(team.member("GET", "api/v1/files/" + fileId).statusCode()).isEqualTo(200);
    assertThat(team.ownerFile("PATCH", fileId, "{\"visibility\":\"NAMED\"}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> hidden = team.member("GET", "api/v1/files/" + fileId);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.body()).doesNotContain("handbook");
    assertThat(team.names(team.member, "?folder=" + folder)).isEmpty();
    assertThat(team.search(team.member, "refund within 45 days").toString()).doesNotContain(fileId);
    assertThat(team.memberDownload(fileId).statusCode()).isEqualTo(404);
    HttpResponse<String> share =
        team.ownerFile("POST", fileId + "/shares", "{\"accountId\":\"" + team.memberId + "\"}");
    assertThat(share.statusCode()).as(share.body()).isEqualTo(201);
    assertThat(team.member("GET", "api/v1/files/" + fileId).statusCode()).isEqualTo(200);
    assertThat(team.memberDownload(fileId).body()).isEqualTo(pdf);
    assertThat(team.search(team.member, "refund within 45 days").get(0).get("fileId").asText())
        .isEqualTo(fileId);
    assertThat(team.member("DELETE", "api/v1/files/" + fileId).statusCode())
        .as("only its owner and admins change a file")
        .isEqualTo(403);
    String shareId = Platform.json(share).get("id").asText();
    assertThat(team.ownerFile("DELETE", fileId + "/shares/" + shareId, null).statusCode())
        .isEqualTo(204);
    assertThat(team.member("GET", "api/v1/files/" + fileId).statusCode()).isEqualTo(404);

    assertThat(team.ownerFile("DELETE", fileId, null).statusCode()).isEqualTo(204);
    assertThat(team.ownerFile("GET", fileId, null).statusCode()).isEqualTo(404);
    assertThat(team.names(team.owner, "?bin=true")).containsExactly("Staff handbook.pdf");
    assertThat(team.ownerFile("POST", fileId + "/restore", null).statusCode()).isEqualTo(200);
    assertThat(team.download(fileId, null).body()).isEqualTo(pdf);
    assertThat(team.names(team.owner, "?bin=true")).isEmpty();

    HttpResponse<String> foreign =
        Platform.get("api/v1/files/" + fileId, PluginsApi.newTenantAdmin("stranger"));
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("handbook");
  }

  @ParameterizedTest
  @ValueSource(strings = {"disk", "s3"})
  void theQuotaAndTheSizeLimitRefuseUploadsAndKeepNothingOfThem(String store) throws Exception {
    Team team = Team.of("quota-" + store, store);
    PlatformIT.execute(
        "update tenant set file_quota_bytes = 30000 where slug = '" + team.tenant + "'");
    byte[] text = "Minutes of the meeting. ".repeat(800).getBytes(StandardCharsets.UTF_8);
    assertThat(team.upload("minutes.txt", text, null).statusCode()).isEqualTo(201);
    HttpResponse<String> over = team.upload("minutes-2.txt", text, null);
    assertThat(over.statusCode()).isEqualTo(413);
    assertThat(Platform.json(over).get("detail").asText()).contains("left");
    assertThat(team.names(team.owner, "")).containsExactly("minutes.txt");

    PlatformIT.execute(
        "update tenant set file_quota_bytes = null where slug = '" + team.tenant + "'");
    byte[] large = new byte[4 * 1024 * 1024 + 1];
    HttpResponse<String> tooLarge = team.upload("large.bin", large, null);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(Platform.json(tooLarge).get("detail").asText()).contains("4 MiB");
    assertThat(team.names(team.owner, "")).containsExactly("minutes.txt");
    assertThat(
            PlatformIT.query(
                "select count(*) from file_version v join tenant t on t.id = v.tenant_id"
                    + " where t.slug = '"
                    + team.tenant
                    + "'"))
        .isEqualTo("1");
  }

  @Test
  void aFileInTheBinIsPurgedWithItsBytesOnceItsRetentionHasPassed() throws Exception {
    Team team = Team.of("purge", "disk");
    String fileId = team.uploaded("old.txt", bytes("Last year's notes."));
    team.awaitSettled(fileId);
    assertThat(team.ownerFile("DELETE", fileId, null).statusCode()).isEqualTo(204);
    assertThat(storedBytesOnDisk(fileId)).isNotEmpty();

    // thirty days later, as far as the file and its purge are concerned
    PlatformIT.execute(
        "update stored_file set deleted_at = now() - interval '31 days' where id = '"
            + fileId
            + "'; update job set run_at = now() where kind = 'file.purge'"
            + " and payload ->> 'fileId' = '"
            + fileId
            + "'");
    await()
        .atMost(Team.INGESTION)
        .until(
            () ->
                PlatformIT.query("select count(*) from stored_file where id = '" + fileId + "'")
                    .equals("0"));
    assertThat(team.names(team.owner, "?bin=true")).isEmpty();
    assertThat(team.ownerFile("POST", fileId + "/restore", null).statusCode()).isEqualTo(404);
    await().atMost(Team.INGESTION).until(() -> !storedOnDisk(fileId));
  }

  @Test
  void badFilesAreRefusedOrFailWithTheirReason() throws Exception {
    Team team = Team.of("bad-files", "disk");
    assertThat(team.upload("empty.txt", new byte[0], null).statusCode()).isEqualTo(400);
    assertThat(team.upload("../escape.txt", bytes("hello"), null).statusCode()).isEqualTo(400);
    assertThat(team.upload("evil\u202Etxt.exe", bytes("hello"), null).statusCode()).isEqualTo(400);
    byte[] program = new byte[512];
    program[0] = 'M';
    program[1] = 'Z';
    assertThat(team.upload("tool.pdf", program, null).statusCode()).isEqualTo(400);
    assertThat(team.names(team.owner, "")).isEmpty();

    byte[] png =
        Files.readAllBytes(
            Path.of(System.getProperty("it.repository.root"), "docs", "dashboard.png"));
    JsonNode image = Platform.json(team.upload("report.pdf", png, null));
    assertThat(image.get("contentType").asText()).isEqualTo("image/png");
    JsonNode kept = team.awaitSettled(image.get("id").asText());
    assertThat(kept.get("status").asText()).isEqualTo("READY");
    assertThat(kept.get("statusReason").asText()).contains("not searched");

    JsonNode encrypted =
        team.awaitSettled(
            Platform.json(team.upload("locked.pdf", Documents.encryptedPdf(HANDBOOK), null))
                .get("id")
                .asText());
    assertThat(encrypted.get("status").asText()).isEqualTo("FAILED");
    assertThat(encrypted.get("statusReason").asText()).contains("encrypted");

    byte[] docx = Documents.docx("Plan", List.of("We ship in May."));
    JsonNode corrupt =
        team.awaitSettled(
            Platform.json(team.upload("plan.docx", Arrays.copyOf(docx, docx.length / 2), null))
                .get("id")
                .asText());
    assertThat(corrupt.get("status").asText()).isEqualTo("FAILED");
    assertThat(corrupt.get("statusReason").asText()).isNotBlank().doesNotContain("Exception");
  }

  @Test
  void hybridSearchFindsAnExactCodeByWordsAndAParaphraseByMeaning() throws Exception {
    Team team = Team.of("search", "disk");
    String parts =
        team.uploaded(
            "parts.docx",
            Documents.docx(
                "Spare parts",
                List.of(
                    "Every replacement part is tracked under code ZX-4471-Q in the warehouse"
                        + " system.")));
    String leave =
        team.uploaded(
            "leave.docx",
            Documents.docx(
                "Annual leave",
                List.of("Staff receive twenty-five days of paid vacation each calendar year.")));
    team.uploaded(
        "travel.docx",
        Documents.docx(
            "Travel",
            List.of("Employees book economy flights for journeys shorter than six hours.")));
    for (String id : List.of(parts, leave)) {
      assertThat(team.awaitSettled(id).get("status").asText()).isEqualTo("READY");
    }

    assertThat(team.search(team.owner, "ZX-4471-Q").get(0).get("fileId").asText()).isEqualTo(parts);
    JsonNode meaning = team.search(team.owner, "How much holiday time do workers get?");
    assertThat(meaning.get(0).get("fileId").asText()).isEqualTo(leave);
    assertThat(meaning.get(0).get("fileName").asText()).isEqualTo("leave.docx");
    assertThat(meaning.get(0).get("text").asText()).contains("twenty-five days");

    HttpResponse<String> foreign =
        Platform.get(
            "api/v1/organizations/" + team.organization + "/knowledge/search?q=ZX-4471-Q",
            PluginsApi.newTenantAdmin("snoop"));
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("ZX-4471-Q");
  }

  @Test
  void anAgentAnswersFromTheFilesAndCitesThePage() throws Exception {
    Team team = Team.of("cite", "disk");
    String handbook = team.uploaded("Handbook.pdf", Documents.pdf(HANDBOOK));
    assertThat(team.awaitSettled(handbook).get("status").asText()).isEqualTo("READY");
    String agent =
        team.scriptedAgent(
            "{\"name\":\"Librarian\",\"role\":\"Answers from the handbook\"}",
            "call: knowledge_search {\\\"query\\\":\\\"How long do customers have to return a"
                + " product?\\\"}");
    String run = team.ask(agent, "How long do customers have to return a product?", List.of());
    assertThat(answerOf(team, run))
        .contains("45 days")
        .contains("[Handbook.pdf, p. 2](/files/" + handbook + "?page=2)");
  }

  @Test
  void anAgentWorkingOnATaskSearchesTheFilesToo() throws Exception {
    Team team = Team.of("task-cite", "disk");
    String handbook = team.uploaded("Handbook.pdf", Documents.pdf(HANDBOOK));
    assertThat(team.awaitSettled(handbook).get("status").asText()).isEqualTo("READY");
    String agent =
        team.scriptedAgent(
            "{\"name\":\"Clerk\",\"role\":\"Answers customers\"}",
            "call: knowledge_search {\\\"query\\\":\\\"How long do customers have to return a"
                + " product?\\\"}");
    HttpResponse<String> created =
        team.owner(
            "POST",
            "tasks",
            "{\"title\":\"Tell a customer the return period\",\"assigneeAgentId\":\""
                + agent
                + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String task = Platform.json(created).get("id").asText();
    JsonNode done =
        await()
            .atMost(Team.INGESTION)
            .until(
                () -> Platform.json(Platform.get("api/v1/tasks/" + task, team.owner)).get("task"),
                found -> List.of("DONE", "BLOCKED").contains(found.get("status").asText()));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.get("result").asText())
        .contains("45 days")
        .contains("[Handbook.pdf, p. 2](/files/" + handbook + "?page=2)");
  }

  @Test
  void aFileAttachedToAMessageJoinsTheConversationsKnowledge() throws Exception {
    Team team = Team.of("attach", "disk");
    String leave =
        team.uploaded(
            "leave.docx",
            Documents.docx(
                "Annual leave",
                List.of("Staff receive twenty-five days of paid vacation each calendar year.")));
    String contract =
        team.uploaded(
            "contract.pdf",
            Documents.pdf(
                List.of("Either party may end this supply contract with ninety days notice.")));
    for (String id : List.of(leave, contract)) {
      assertThat(team.awaitSettled(id).get("status").asText()).isEqualTo("READY");
    }
    // the contract is the owner's alone, and the agent searches only its knowledge base
    assertThat(team.ownerFile("PATCH", contract, "{\"visibility\":\"NAMED\"}").statusCode())
        .isEqualTo(200);
    String base =
        Platform.json(
                team.owner(
                    "POST", "knowledge-bases", "{\"name\":\"HR\",\"fileIds\":[\"" + leave + "\"]}"))
            .get("id")
            .asText();
    String agent =
        team.scriptedAgent(
            "{\"name\":\"Counsel\",\"role\":\"Reads contracts\"}",
            "call: knowledge_search {\\\"query\\\":\\\"How can the supply contract be ended?\\\"}");
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/agents/" + agent + "/knowledge-bases",
                    "{\"knowledgeBaseIds\":[\"" + base + "\"]}",
                    team.owner)
                .statusCode())
        .isEqualTo(200);
    assertThat(answerOf(team, team.ask(agent, "How can the contract be ended?", List.of())))
        .doesNotContain("ninety days");

    // a member cannot attach a file they may not read, nor one of another tenant
    String conversation = team.conversation(agent, team.member);
    String foreign =
        Team.of("attach-foreign", "disk").uploaded("other.txt", bytes("another tenant's file"));
    for (String file : List.of(contract, foreign, "not-an-id")) {
      HttpResponse<String> refused =
          Platform.post(
              "api/v1/conversations/" + conversation + "/messages",
              "{\"content\":\"Read this\",\"files\":[\"" + file + "\"]}",
              team.member);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).doesNotContain("ninety").doesNotContain("another tenant");
    }
    assertThat(
            Platform.json(
                    Platform.get("api/v1/conversations/" + conversation + "/messages", team.member))
                .get("items"))
        .isEmpty();

    String run = team.ask(agent, "How can the contract be ended?", List.of(contract));
    assertThat(answerOf(team, run))
        .contains("ninety days")
        .contains("[contract.pdf, p. 1](/files/" + contract + "?page=1)");
    JsonNode said =
        Platform.json(Platform.get("api/v1/runs/" + run, team.owner)).get("conversationId");
    JsonNode messages =
        Platform.json(
                Platform.get("api/v1/conversations/" + said.asText() + "/messages", team.owner))
            .get("items");
    assertThat(messages.get(0).get("files").findValuesAsText("name"))
        .containsExactly("contract.pdf");
    assertThat(messages.get(0).get("files").get(0).get("id").asText()).isEqualTo(contract);
  }

  @Test
  void filesAToolReturnsAreKeptWithTheAgentAndRunTheyCameFrom() throws Exception {
    Team team = Team.of("tool-files", "disk");
    String[] platformAdmin = PluginsApi.platformAdmin();
    assertThat(PluginsApi.upload(PluginsApi.MISBEHAVING, platformAdmin).statusCode())
        .isEqualTo(201);
    try {
      assertThat(
              PluginsApi.configure(
                      PluginsApi.MISBEHAVING_ID,
                      "{\"enabled\":true,\"config\":{\"token\":\"x\"}}",
                      team.owner)
                  .statusCode())
          .isEqualTo(200);
      String agent =
          team.scriptedAgent(
              "{\"name\":\"Analyst\",\"role\":\"Charts\",\"tools\":[\"misbehaving.attach\"]}",
              "call: misbehaving_attach {}");
      String run = team.ask(agent, "Chart our revenue", List.of());

      JsonNode kept =
          Platform.json(
                  Platform.get("api/v1/organizations/" + team.organization + "/files", team.owner))
              .get("items");
      assertThat(kept.findValuesAsText("name")).containsExactly("revenue.csv");
      assertThat(kept.get(0).get("agentId").asText()).isEqualTo(agent);
      assertThat(kept.get(0).get("runId").asText()).isEqualTo(run);
      assertThat(kept.get(0).get("contentType").asText()).isEqualTo("text/csv");
      String result = Platform.get("api/v1/runs/" + run, team.owner).body();
      assertThat(result)
          .contains("Saved as the file [revenue.csv](/files/" + kept.get(0).get("id").asText())
          .contains("Not saved as a file: ../../escape.txt");
    } finally {
      PluginsApi.remove(PluginsApi.MISBEHAVING_ID, platformAdmin);
    }
  }

  @Test
  void aWordDocumentAnAgentWritesIsKeptReadAndSearchable() throws Exception {
    Team team = Team.of("tool-documents", "disk");
    assertThat(
            PluginsApi.configure(
                    "io.protohive.plugins.tool-documents",
                    "{\"enabled\":true,\"config\":{}}",
                    team.owner)
                .statusCode())
        .isEqualTo(200);
    String agent =
        team.scriptedAgent(
            "{\"name\":\"Writer\",\"role\":\"Plans\",\"tools\":[\"documents.docx\"]}",
            "call: documents_docx {\\\"title\\\":\\\"Launch plan\\\",\\\"markdown\\\":"
                + "\\\"# Launch plan\\\\n\\\\nThe launch code is **QX-5521-B**.\\\\n\\\\n"
                + "| Step | Owner |\\\\n|---|---|\\\\n| Rehearsal | Ada |\\\"}");
    String run = team.ask(agent, "Write the launch plan", List.of());

    JsonNode kept =
        Platform.json(
                Platform.get("api/v1/organizations/" + team.organization + "/files", team.owner))
            .get("items");
    String trace = Platform.get("api/v1/runs/" + run, team.owner).body();
    assertThat(kept.findValuesAsText("name")).as(trace).containsExactly("Launch plan.docx");
    String file = kept.get(0).get("id").asText();
    assertThat(kept.get(0).get("agentId").asText()).isEqualTo(agent);
    assertThat(kept.get(0).get("runId").asText()).isEqualTo(run);
    assertThat(kept.get(0).get("contentType").asText())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(trace).contains("Saved as the file [Launch plan.docx](/files/" + file);

    assertThat(team.awaitSettled(file).get("status").asText()).isEqualTo("READY");
    JsonNode found = team.search(team.owner, "QX-5521-B");
    assertThat(found.get(0).get("fileId").asText()).isEqualTo(file);
    assertThat(found.get(0).get("heading").asText()).contains("Launch plan");
    assertThat(team.search(team.owner, "Rehearsal").findValuesAsText("text").toString())
        .contains("Rehearsal")
        .contains("Ada");
  }

  /** What the run's steps said, the answer among them. */
  private static String answerOf(Team team, String run) throws Exception {
    return Platform.json(Platform.get("api/v1/runs/" + run, team.owner))
        .get("trace")
        .findValuesAsText("text")
        .stream()
        .reduce("", String::concat);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean storedOnDisk(String fileId) throws Exception {
    return storedObject(fileId).isPresent();
  }

  /** The stored object of a file's first version under the data folder, as text. */
  private static String storedBytesOnDisk(String fileId) throws Exception {
    return new String(
        Files.readAllBytes(storedObject(fileId).orElseThrow()), StandardCharsets.ISO_8859_1);
  }

  private static Optional<Path> storedObject(String fileId) throws Exception {
    try (Stream<Path> found = Files.walk(Platform.DATA_DIR.resolve("files"))) {
      return found
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().contains(fileId))
          .findFirst();
    }
  }

  /** An owner, a member and their organization, in a new tenant whose files use the store. */
}
