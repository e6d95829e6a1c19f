package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A tenant of the files and tools tests: its admin, who owns an organization, and a member of it,
 * with the calls the tests make as them.
 */
final class Team {

  /** How long a file takes at most to be ingested, or an agent's turn to finish. */
  static final Duration INGESTION = Duration.ofSeconds(60);

  /**
   * HTTP/1.1, as browsers and curl speak to a plain-text server: the JDK's default first offers an
   * upgrade to cleartext HTTP/2, and on such a connection it waits for ever for a 416 that Liberty
   * sends with {@code Connection: close}.
   */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  final String tenant;
  final String[] owner;
  final String[] member;
  final String memberId;
  final String organization;

  private Team(
      String tenant, String[] owner, String[] member, String memberId, String organization) {
    this.tenant = tenant;
    this.owner = owner;
    this.member = member;
    this.memberId = memberId;
    this.organization = organization;
  }

  static Team of(String prefix, String store) throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount(prefix);
    PlatformIT.execute(
        "update tenant set file_store = '" + store + "' where slug = '" + admin.tenant() + "'");
    String organization =
        Platform.json(
                Platform.post("api/v1/organizations", "{\"name\":\"Northwind\"}", admin.bearer()))
            .get("id")
            .asText();
    String email = Accounts.newEmail("member", "example.com");
    HttpResponse<String> registered = Accounts.register(email, Accounts.PASSWORD, admin.tenant());
    String memberId = Platform.json(registered).get("id").asText();
    String[] member =
        PluginsApi.bearer(
            Platform.json(Accounts.login(email, Accounts.PASSWORD)).get("accessToken").asText());
    assertThat(
            Platform.post(
                    "api/v1/organizations/" + organization + "/members",
                    "{\"email\":\"" + email + "\",\"role\":\"MEMBER\"}",
                    admin.bearer())
                .statusCode())
        .isEqualTo(201);
    return new Team(admin.tenant(), admin.bearer(), member, memberId, organization);
  }

  /**
   * An agent of the organization, as described in JSON, on the tenant's scripted model that follows
   * the plan.
   */
  String scriptedAgent(String description, String plan) throws Exception {
    PluginsApi.configure(
        "io.protohive.plugins.llm-scripted",
        "{\"enabled\":true,\"config\":{\"tokenDelayMillis\":\"1\",\"plan\":\"" + plan + "\"}}",
        owner);
    Platform.send(
        "PUT",
        "api/v1/tenant/llm-route",
        "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
        owner);
    HttpResponse<String> created = owner("POST", "agents", description);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }

  /** A new conversation of someone with the agent. */
  String conversation(String agent, String[] who) throws Exception {
    return Platform.json(
            Platform.post(
                "api/v1/conversations",
                "{\"organizationId\":\"" + organization + "\",\"agentIds\":[\"" + agent + "\"]}",
                who))
        .get("id")
        .asText();
  }

  /** Asks the agent in a new conversation, attaching the files; the finished run's id. */
  String ask(String agent, String words, List<String> files) throws Exception {
    return ask(agent, words, files, owner);
  }

  /** Someone asks the agent in a new conversation, attaching the files; the finished run's id. */
  String ask(String agent, String words, List<String> files, String[] who) throws Exception {
    String attached =
        files.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    HttpResponse<String> posted =
        Platform.post(
            "api/v1/conversations/" + conversation(agent, who) + "/messages",
            "{\"content\":\"" + words + "\",\"files\":" + attached + "}",
            who);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    String run = Platform.json(posted).get("runId").asText();
    JsonNode finished =
        await()
            .atMost(INGESTION)
            .until(
                () -> Platform.json(Platform.get("api/v1/runs/" + run, who)),
                found -> !found.get("status").asText().equals("RUNNING"));
    assertThat(finished.get("status").asText()).as(finished.toString()).isEqualTo("COMPLETED");
    return run;
  }

  HttpResponse<String> upload(String name, byte[] content, String folder) throws Exception {
    return Platform.multipart(
        "api/v1/organizations/" + organization + "/files",
        name,
        content,
        folder == null ? Map.of() : Map.of("folder", folder),
        owner);
  }

  String uploaded(String name, byte[] content) throws Exception {
    HttpResponse<String> response = upload(name, content, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Platform.json(response).get("id").asText();
  }

  JsonNode awaitSettled(String fileId) {
    return await()
        .atMost(INGESTION)
        .until(
            () -> Platform.json(Platform.get("api/v1/files/" + fileId, owner)),
            file -> List.of("READY", "FAILED").contains(file.get("status").asText()));
  }

  HttpResponse<String> owner(String method, String path, String json) throws Exception {
    return Platform.send(method, "api/v1/organizations/" + organization + "/" + path, json, owner);
  }

  HttpResponse<String> ownerFile(String method, String path, String json) throws Exception {
    return Platform.send(method, "api/v1/files/" + path, json, owner);
  }

  HttpResponse<String> member(String method, String path) throws Exception {
    return Platform.send(method, path, null, member);
  }

  List<String> names(String[] who, String query) throws Exception {
    HttpResponse<String> response =
        Platform.get("api/v1/organizations/" + organization + "/files" + query, who);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Platform.json(response).get("items").findValuesAsText("name");
  }

  JsonNode search(String[] who, String query) throws Exception {
    HttpResponse<String> response =
        Platform.get(
            "api/v1/organizations/"
                + organization
                + "/knowledge/search?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8),
            who);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Platform.json(response).get("items");
  }

  HttpResponse<byte[]> download(String fileId, String range) throws Exception {
    return bytesOf(fileId, range, owner);
  }

  HttpResponse<byte[]> memberDownload(String fileId) throws Exception {
    return bytesOf(fileId, null, member);
  }

  private static HttpResponse<byte[]> bytesOf(String fileId, String range, String[] who)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(Platform.BASE.resolve("api/v1/files/" + fileId + "/content"))
            .timeout(Duration.ofSeconds(30))
            .headers(who);
    if (range != null) {
      request.header("Range", range);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
