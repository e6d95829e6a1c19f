package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resumable uploads as a third-party tus client makes them: a large file sent in chunks, cut off
 * and resumed from its address by a new uploader, ending as a file of the organization with the
 * very bytes sent; and what the protocol refuses: a wrong offset, a second sender, too many bytes,
 * another tenant's or person's upload.
 */
@ExtendWith(ArquillianExtension.class)
class ResumableUploadsIT {

  private static final int CHUNK = 64 * 1024;
  private static final Duration SETTLED = Duration.ofSeconds(60);

  /** HTTP/1.1, as tus clients speak; see FilesIT for the JDK's cleartext upgrade. */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private String[] owner;
  private String tenant;
  private String organization;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void organization() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("tus");
    owner = admin.bearer();
    tenant = admin.tenant();
    organization =
        Platform.json(Platform.post("api/v1/organizations", "{\"name\":\"Northwind\"}", owner))
            .get("id")
            .asText();
  }

  @Test
  void aTusClientUploadsInChunksIsCutOffAndResumesIntoAFileWithTheSameBytes() throws Exception {
    byte[] original = new byte[300 * 1024 + 123];
    new Random(7).nextBytes(original);

    TusUploader first = client().createUpload(upload(original, "survey.bin"));
    first.setChunkSize(CHUNK);
    first.setRequestPayloadSize(CHUNK);
    assertThat(first.uploadChunk()).isEqualTo(CHUNK);
    assertThat(first.uploadChunk()).isEqualTo(CHUNK);
    URL address = first.getUploadURL();
    assertThat(address.toString()).startsWith(Platform.BASE.resolve("api/v1/uploads/").toString());
    // the client stops here, as a process that dies after two chunks

    HttpResponse<Void> interrupted = head(address, owner);
    assertThat(interrupted.statusCode()).isEqualTo(200);
    assertThat(interrupted.headers().firstValue("Upload-Offset")).hasValue("" + 2 * CHUNK);
    assertThat(interrupted.headers().firstValue("Upload-Length")).hasValue("" + original.length);
    assertThat(interrupted.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
    assertThat(interrupted.headers().firstValue("ProtoHive-File-Id")).isEmpty();

    TusUploader resumed =
        client().beginOrResumeUploadFromURL(upload(original, "survey.bin"), address);
    assertThat(resumed.getUploadURL()).isEqualTo(address);
    assertThat(resumed.getOffset()).isEqualTo(2L * CHUNK);
    resumed.setChunkSize(CHUNK);
    resumed.setRequestPayloadSize(CHUNK);
    while (resumed.uploadChunk() > -1) {
      // each chunk is one request
    }
    resumed.finish();

    HttpResponse<Void> complete = head(address, owner);
    assertThat(complete.headers().firstValue("Upload-Offset")).hasValue("" + original.length);
    String fileId = complete.headers().firstValue("ProtoHive-File-Id").orElseThrow();
    assertThat(names()).containsExactly("survey.bin");
    JsonNode file =
        await()
            .atMost(SETTLED)
            .until(
                () -> Platform.json(Platform.get("api/v1/files/" + fileId, owner)),
                found -> List.of("READY", "FAILED").contains(found.get("status").asText()));
    assertThat(file.get("status").asText()).as(file.toString()).isEqualTo("READY");
    assertThat(file.get("sizeBytes").asLong()).isEqualTo(original.length);
    HttpResponse<byte[]> content =
        HTTP.send(
            HttpRequest.newBuilder(Platform.BASE.resolve("api/v1/files/" + fileId + "/content"))
                .headers(owner)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.body()).isEqualTo(original);
    assertThat(part(address)).doesNotExist();

    // a last request sent again, its answer lost, finds the upload complete
    HttpResponse<String> again = patch(address, original.length, new byte[0], owner);
    assertThat(again.statusCode()).isEqualTo(204);
    assertThat(again.headers().firstValue("ProtoHive-File-Id")).hasValue(fileId);
    assertThat(names()).containsExactly("survey.bin");
  }

  @Test
  void theProtocolsRulesAreHeldToWithProblemDetails() throws Exception {
    URI address = created("notes.txt", 10);

    HttpResponse<String> wrongOffset = patch(address, 3, bytes("abc"), owner);
    assertThat(wrongOffset.statusCode()).isEqualTo(409);
    assertThat(wrongOffset.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(Platform.json(wrongOffset).get("detail").asText()).contains("0 bytes");

    HttpResponse<String> noType =
        send(
            address,
            "PATCH",
            HttpRequest.BodyPublishers.ofString("abc"),
            owner,
            "Upload-Offset",
            "0",
            "Tus-Resumable",
            "1.0.0");
    assertThat(noType.statusCode()).isEqualTo(415);
    HttpResponse<String> noVersion =
        send(
            address,
            "PATCH",
            HttpRequest.BodyPublishers.ofString("abc"),
            owner,
            "Upload-Offset",
            "0",
            "Content-Type",
            "application/offset+octet-stream");
    assertThat(noVersion.statusCode()).isEqualTo(412);
    assertThat(noVersion.headers().firstValue("Tus-Version")).hasValue("1.0.0");

    HttpResponse<String> tooMany = patch(address, 0, bytes("more than ten"), owner);
    assertThat(tooMany.statusCode()).isEqualTo(413);
    assertThat(head(address, owner).headers().firstValue("Upload-Offset")).hasValue("0");

    assertThat(patch(address, 0, bytes("Minutes"), owner).headers().firstValue("Upload-Offset"))
        .hasValue("7");

    HttpResponse<String> options =
        send(URI.create(address.toString()), "OPTIONS", HttpRequest.BodyPublishers.noBody());
    assertThat(options.statusCode()).isEqualTo(204);
    assertThat(options.headers().firstValue("Tus-Version")).hasValue("1.0.0");
    assertThat(options.headers().firstValue("Tus-Extension")).hasValue("creation,termination");
    assertThat(options.headers().firstValue("Tus-Max-Size")).hasValue("" + 4 * 1024 * 1024);

    assertThat(
            send(
                    address,
                    "DELETE",
                    HttpRequest.BodyPublishers.noBody(),
                    owner,
                    "Tus-Resumable",
                    "1.0.0")
                .statusCode())
        .isEqualTo(204);
    assertThat(head(address, owner).statusCode()).isEqualTo(404);
    assertThat(patch(address, 7, bytes("!!!"), owner).statusCode()).isEqualTo(404);
    assertThat(part(address)).doesNotExist();
    assertThat(names()).isEmpty();
  }

  @Test
  void anUploadOverTheSizeLimitOrWithABadNameIsRefusedBeforeAnyByte() throws Exception {
    HttpResponse<String> tooLarge = create("large.bin", 4 * 1024 * 1024 + 1);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(Platform.json(tooLarge).get("detail").asText()).contains("4 MiB");

    PlatformIT.execute("update tenant set file_quota_bytes = 1000 where slug = '" + tenant + "'");
    HttpResponse<String> overQuota = create("minutes.txt", 1001);
    assertThat(overQuota.statusCode()).isEqualTo(413);
    assertThat(Platform.json(overQuota).get("detail").asText()).contains("left");

    assertThat(create("../escape.txt", 10).statusCode()).isEqualTo(400);
    assertThat(create("empty.txt", 0).statusCode()).isEqualTo(400);
    assertThat(uploadsOfTheTenant()).isEqualTo("0");
    assertThat(names()).isEmpty();
  }

  @Test
  void anotherTenantsOrAnotherPersonsCallerFindsNoUpload() throws Exception {
    URI address = created("private.txt", 10);
    assertThat(patch(address, 0, bytes("Pri"), owner).statusCode()).isEqualTo(204);

    String email = Accounts.newEmail("tus-member", "example.com");
    assertThat(Accounts.register(email, Accounts.PASSWORD, tenant).statusCode()).isEqualTo(201);
    String[] member =
        PluginsApi.bearer(
            Platform.json(Accounts.login(email, Accounts.PASSWORD)).get("accessToken").asText());
    assertThat(
            Platform.post(
                    "api/v1/organizations/" + organization + "/members",
                    "{\"email\":\"" + email + "\",\"role\":\"MEMBER\"}",
                    owner)
                .statusCode())
        .isEqualTo(201);
    String[] stranger = PluginsApi.newTenantAdmin("tus-stranger");

    for (String[] other : List.of(stranger, member)) {
      assertThat(head(address, other).statusCode()).isEqualTo(404);
      HttpResponse<String> foreignPatch = patch(address, 3, bytes("vate"), other);
      assertThat(foreignPatch.statusCode()).isEqualTo(404);
      assertThat(foreignPatch.body()).doesNotContain("private");
      assertThat(
              send(
                      address,
                      "DELETE",
                      HttpRequest.BodyPublishers.noBody(),
                      other,
                      "Tus-Resumable",
                      "1.0.0")
                  .statusCode())
          .isEqualTo(404);
    }
    HttpResponse<String> foreignOrganization =
        send(
            Platform.BASE.resolve("api/v1/organizations/" + organization + "/uploads"),
            "POST",
            HttpRequest.BodyPublishers.noBody(),
            stranger,
            "Tus-Resumable",
            "1.0.0",
            "Upload-Length",
            "10",
            "Upload-Metadata",
            "filename " + base64("x.txt"));
    assertThat(foreignOrganization.statusCode()).isEqualTo(404);

    HttpResponse<Void> untouched = head(address, owner);
    assertThat(untouched.statusCode()).isEqualTo(200);
    assertThat(untouched.headers().firstValue("Upload-Offset")).hasValue("3");
  }

  @Test
  void aSecondRequestWhileOneIsSendingIsRefusedAndTheFirstCounts() throws Exception {
    URI address = created("minutes.txt", 12);
    String uploadId = address.getPath().substring(address.getPath().lastIndexOf('/') + 1);
    String fileId;
    // by hand on a socket, so that the first request's bytes stop exactly where the test says
    try (Socket socket = new Socket(address.getHost(), address.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream sender = socket.getOutputStream();
      sender.write(
          bytes(
              "PATCH "
                  + address.getPath()
                  + " HTTP/1.1\r\nHost: "
                  + address.getAuthority()
                  + "\r\n"
                  + owner[0]
                  + ": "
                  + owner[1]
                  + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
                  + "Content-Type: application/offset+octet-stream\r\nContent-Length: 12\r\n"
                  + "Connection: close\r\n\r\nMinutes"));
      sender.flush();
      await()
          .atMost(SETTLED)
          .until(
              () ->
                  PlatformIT.query(
                          "select count(*) from file_upload where receiving_claim is not null"
                              + " and id = '"
                              + uploadId
                              + "'")
                      .equals("1"));

      HttpResponse<String> second = patch(address, 0, bytes("Agenda"), owner);
      assertThat(second.statusCode()).isEqualTo(409);
      assertThat(Platform.json(second).get("detail").asText()).contains("Another request");

      sender.write(bytes(" 2024"));
      sender.flush();
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).as(answer).startsWith("HTTP/1.1 204");
      assertThat(answer).containsIgnoringCase("Upload-Offset: 12");
      fileId =
          answer
              .lines()
              .filter(line -> line.regionMatches(true, 0, "ProtoHive-File-Id:", 0, 18))
              .findFirst()
              .orElseThrow()
              .substring(18)
              .strip();
    }
    HttpResponse<String> content = Platform.get("api/v1/files/" + fileId + "/content", owner);
    assertThat(content.body()).isEqualTo("Minutes 2024");
  }

  @Test
  void anExpiredUploadIsDeletedWithItsBytes() throws Exception {
    URI address = created("draft.txt", 10);
    assertThat(patch(address, 0, bytes("Draft"), owner).statusCode()).isEqualTo(204);
    String uploadId = address.getPath().substring(address.getPath().lastIndexOf('/') + 1);
    assertThat(part(address)).exists();

    // a day later, as far as the upload and its expiry are concerned
    PlatformIT.execute(
        "update file_upload set expires_at = now() - interval '1 minute' where id = '"
            + uploadId
            + "'; update job set run_at = now() where kind = 'file.upload.expire'"
            + " and payload ->> 'uploadId' = '"
            + uploadId
            + "'");
    await()
        .atMost(SETTLED)
        .until(
            () ->
                PlatformIT.query("select count(*) from file_upload where id = '" + uploadId + "'")
                    .equals("0"));
    await().atMost(SETTLED).until(() -> !Files.exists(part(address)));
    assertThat(head(address.toURL(), owner).statusCode()).isEqualTo(404);
  }

  // --- helpers ----------------------------------------------------------------------------

  private TusClient client() throws Exception {
    TusClient client = new TusClient();
    client.setUploadCreationURL(
        Platform.BASE.resolve("api/v1/organizations/" + organization + "/uploads").toURL());
    Map<String, String> headers = new HashMap<>();
    headers.put(owner[0], owner[1]);
    client.setHeaders(headers);
    return client;
  }

  private static TusUpload upload(byte[] bytes, String name) {
    TusUpload upload = new TusUpload();
    upload.setSize(bytes.length);
    upload.setInputStream(new ByteArrayInputStream(bytes));
    upload.setMetadata(Map.of("filename", name));
    return upload;
  }

  private HttpResponse<String> create(String name, long length) throws Exception {
    return send(
        Platform.BASE.resolve("api/v1/organizations/" + organization + "/uploads"),
        "POST",
        HttpRequest.BodyPublishers.noBody(),
        owner,
        "Tus-Resumable",
        "1.0.0",
        "Upload-Length",
        "" + length,
        "Upload-Metadata",
        "filename " + base64(name));
  }

  private URI created(String name, long length) throws Exception {
    HttpResponse<String> response = create(name, length);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }

  private static HttpResponse<String> patch(Object address, long offset, byte[] bytes, String[] who)
      throws Exception {
    return send(
        URI.create(address.toString()),
        "PATCH",
        HttpRequest.BodyPublishers.ofByteArray(bytes),
        who,
        "Tus-Resumable",
        "1.0.0",
        "Upload-Offset",
        "" + offset,
        "Content-Type",
        "application/offset+octet-stream");
  }

  private static HttpResponse<Void> head(URL address, String[] who) throws Exception {
    return HTTP.send(
        tus(URI.create(address.toString()), "HEAD", HttpRequest.BodyPublishers.noBody(), who)
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static HttpResponse<Void> head(URI address, String[] who) throws Exception {
    return head(address.toURL(), who);
  }

  private static HttpRequest.Builder tus(
      URI address, String method, HttpRequest.BodyPublisher body, String[] who) {
    return HttpRequest.newBuilder(address)
        .timeout(Duration.ofSeconds(30))
        .headers(who)
        .header("Tus-Resumable", "1.0.0")
        .method(method, body);
  }

  private static HttpResponse<String> send(
      URI address, String method, HttpRequest.BodyPublisher body, String[] who, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(30)).method(method, body);
    if (who.length > 0) {
      request.headers(who);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(
      URI address, String method, HttpRequest.BodyPublisher body) throws Exception {
    return send(address, method, body, new String[0]);
  }

  private List<String> names() throws Exception {
    HttpResponse<String> response =
        Platform.get("api/v1/organizations/" + organization + "/files", owner);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Platform.json(response).get("items").findValuesAsText("name");
  }

  private String uploadsOfTheTenant() throws Exception {
    return PlatformIT.query(
        "select count(*) from file_upload u join tenant t on t.id = u.tenant_id where t.slug = '"
            + tenant
            + "'");
  }

  /** Where the server spools the upload's bytes. */
  private static Path part(Object address) {
    String path = URI.create(address.toString()).getPath();
    return Platform.DATA_DIR
        .resolve("uploads")
        .resolve(path.substring(path.lastIndexOf('/') + 1) + ".part");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(bytes(text));
  }
}
