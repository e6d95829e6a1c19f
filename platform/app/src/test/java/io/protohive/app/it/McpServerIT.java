package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * ProtoHive as an MCP server, driven by the official MCP Java SDK's client as a desktop assistant
 * would drive it: with the person's token it lists the tools, asks an agent and gets its answer,
 * goes on in that conversation, puts a task on the board and reads it back as a tool result and as
 * a resource; another tenant's agents and tasks are as unknown as ids of nothing, without a valid
 * token nothing is answered at all, and the person's rate limit holds as on the API.
 */
@ExtendWith(ArquillianExtension.class)
class McpServerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void anAssistantAsksAnAgentAndGoesOnInTheConversation() throws Exception {
    Team team = Team.of("mcp-ask", "disk");
    String agent =
        team.scriptedAgent(
            "{\"name\":\"Ada\",\"role\":\"Plans launches\"}",
            "say: Launch on Tuesday.\\nsay: Then announce it on Wednesday.");

    try (McpSyncClient client = client(apiToken(team.owner, "\"read\",\"chat\""))) {
      McpSchema.InitializeResult initialized = client.initialize();
      assertThat(initialized.serverInfo().name()).isEqualTo("protohive");
      assertThat(client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactlyInAnyOrder(
              "list_agents", "ask_agent", "create_task", "get_task", "search_knowledge");
      JsonNode listed = structured(call(client, "list_agents", Map.of()));
      assertThat(listed.get("items").findValuesAsText("id")).containsExactly(agent);

      McpSchema.CallToolResult asked =
          call(client, "ask_agent", Map.of("agentId", agent, "message", "When do we launch?"));
      assertThat(asked.isError()).as(asked.toString()).isNotEqualTo(Boolean.TRUE);
      JsonNode answer = structured(asked);
      assertThat(answer.get("status").asText()).isEqualTo("COMPLETED");
      assertThat(answer.get("text").asText()).isEqualTo("Launch on Tuesday.");
      String conversation = answer.get("conversationId").asText();

      JsonNode followUp =
          structured(
              call(
                  client,
                  "ask_agent",
                  Map.of(
                      "agentId", agent, "message", "And then?", "conversationId", conversation)));
      assertThat(followUp.get("text").asText()).isEqualTo("Then announce it on Wednesday.");
      assertThat(followUp.get("conversationId").asText()).isEqualTo(conversation);
    }
    JsonNode messages =
        Platform.json(
                Platform.get(
                    "api/v1/conversations/" + conversation(team) + "/messages", team.owner))
            .get("items");
    assertThat(messages.findValuesAsText("content"))
        .as("the questions and answers are the conversation's, as in a chat")
        .containsExactly(
            "When do we launch?",
            "Launch on Tuesday.",
            "And then?",
            "Then announce it on Wednesday.");
  }

  @Test
  void aReadOnlyTokenListsAgentsButNeitherAsksNorCreatesTasks() throws Exception {
    Team team = Team.of("mcp-scopes", "disk");
    String agent = team.scriptedAgent("{\"name\":\"Ada\",\"role\":\"Plans\"}", "say: Hi.");

    try (McpSyncClient client = client(apiToken(team.owner, "\"read\""))) {
      client.initialize();
      assertThat(structured(call(client, "list_agents", Map.of())).get("items").size())
          .isEqualTo(1);
      McpSchema.CallToolResult asked =
          call(client, "ask_agent", Map.of("agentId", agent, "message", "Hello?"));
      assertThat(asked.isError()).isTrue();
      assertThat(text(asked)).contains("'chat' scope");
      McpSchema.CallToolResult created =
          call(
              client,
              "create_task",
              Map.of("organizationId", team.organization, "title", "Not allowed"));
      assertThat(created.isError()).isTrue();
      assertThat(text(created)).contains("'tasks' scope");
    }
    assertThat(
            Platform.json(
                    Platform.get(
                        "api/v1/organizations/" + team.organization + "/tasks", team.owner))
                .get("items")
                .size())
        .isZero();
  }

  /** An API token of the person's with these scopes, as the header an assistant sends. */
  private static String[] apiToken(String[] bearer, String scopes) throws Exception {
    HttpResponse<String> made =
        Platform.post(
            "api/v1/me/tokens", "{\"name\":\"Assistant\",\"scopes\":[" + scopes + "]}", bearer);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return PluginsApi.bearer(Platform.json(made).get("token").asText());
  }

  @Test
  void anAssistantCreatesATaskAndReadsItAsAToolResultAndAsAResource() throws Exception {
    Team team = Team.of("mcp-task", "disk");
    String fileId =
        team.uploaded("notes.txt", "Ship the beta first.".getBytes(StandardCharsets.UTF_8));

    try (McpSyncClient client = client(team.owner)) {
      client.initialize();
      McpSchema.CallToolResult created =
          call(
              client,
              "create_task",
              Map.of(
                  "organizationId",
                  team.organization,
                  "title",
                  "Write the launch plan",
                  "description",
                  "Dates and owners"));
      assertThat(created.isError()).as(created.toString()).isNotEqualTo(Boolean.TRUE);
      String task = structured(created).get("id").asText();

      JsonNode got = structured(call(client, "get_task", Map.of("taskId", task)));
      assertThat(got.get("task").get("title").asText()).isEqualTo("Write the launch plan");
      assertThat(got.get("task").get("status").asText()).isEqualTo("BACKLOG");

      assertThat(client.listResources().resources())
          .extracting(McpSchema.Resource::uri)
          .contains("protohive://tasks/" + task, "protohive://files/" + fileId);
      McpSchema.ReadResourceResult read =
          client.readResource(new McpSchema.ReadResourceRequest("protohive://tasks/" + task));
      JsonNode resource =
          JSON.readTree(((McpSchema.TextResourceContents) read.contents().get(0)).text());
      assertThat(resource.get("task").get("description").asText()).isEqualTo("Dates and owners");
      McpSchema.ReadResourceResult file =
          client.readResource(new McpSchema.ReadResourceRequest("protohive://files/" + fileId));
      assertThat(((McpSchema.TextResourceContents) file.contents().get(0)).text())
          .isEqualTo("Ship the beta first.");

      team.awaitSettled(fileId);
      JsonNode found =
          structured(
              call(
                  client,
                  "search_knowledge",
                  Map.of("organizationId", team.organization, "query", "beta")));
      assertThat(found.get("items").findValuesAsText("fileId")).contains(fileId);
    }
  }

  @Test
  void anotherTenantsAgentsAndTasksAreAsUnknownAsIdsOfNothing() throws Exception {
    Team ours = Team.of("mcp-ours", "disk");
    Team theirs = Team.of("mcp-theirs", "disk");
    String theirAgent =
        theirs.scriptedAgent("{\"name\":\"Grace\",\"role\":\"Keeps secrets\"}", "say: Secret.");
    String theirTask =
        Platform.json(theirs.owner("POST", "tasks", "{\"title\":\"Their plan\"}"))
            .get("id")
            .asText();
    String nothing = UUID.randomUUID().toString();

    try (McpSyncClient client = client(ours.owner)) {
      client.initialize();
      McpSchema.CallToolResult foreignAgent =
          call(client, "ask_agent", Map.of("agentId", theirAgent, "message", "Tell me"));
      McpSchema.CallToolResult noAgent =
          call(client, "ask_agent", Map.of("agentId", nothing, "message", "Tell me"));
      assertThat(foreignAgent.isError()).isTrue();
      assertThat(text(foreignAgent)).isEqualTo(text(noAgent)).doesNotContain(theirAgent);

      McpSchema.CallToolResult foreignTask = call(client, "get_task", Map.of("taskId", theirTask));
      McpSchema.CallToolResult noTask = call(client, "get_task", Map.of("taskId", nothing));
      assertThat(foreignTask.isError()).isTrue();
      assertThat(text(foreignTask)).isEqualTo(text(noTask)).doesNotContain("Their plan");

      McpSchema.CallToolResult foreignBoard =
          call(
              client,
              "create_task",
              Map.of("organizationId", theirs.organization, "title", "Planted"));
      assertThat(foreignBoard.isError()).isTrue();
      assertThat(text(call(client, "list_agents", Map.of()))).doesNotContain(theirAgent);
      assertThat(client.listResources().resources())
          .extracting(McpSchema.Resource::uri)
          .doesNotContain("protohive://tasks/" + theirTask);
      assertThatThrownBy(
              () ->
                  client.readResource(
                      new McpSchema.ReadResourceRequest("protohive://tasks/" + theirTask)))
          .isInstanceOf(McpError.class)
          .hasMessageNotContaining("Their plan");
    }
    JsonNode board = Platform.json(theirs.owner("GET", "tasks", null)).get("items");
    assertThat(board.findValuesAsText("title")).containsExactly("Their plan");
  }

  @Test
  void withoutAValidTokenNothingIsAnswered() throws Exception {
    String initialize =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"probe\","
            + "\"version\":\"1\"}}}";
    for (String[] headers :
        new String[][] {
          {}, {"Authorization", "Bearer not-a-token"}, {"Authorization", "Basic YWRtaW46YWRtaW4="}
        }) {
      HttpResponse<String> refused = mcp(initialize, headers);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(refused.body()).doesNotContain("protocolVersion");
    }
  }

  @Test
  void thePersonsRateLimitHoldsAtTheMcpDoorAsAtTheApi() throws Exception {
    String slug = "mcp-limited-" + UUID.randomUUID().toString().substring(0, 8);
    Path file = Path.of(System.getProperty("it.tenants.dir")).resolve(slug + ".yaml");
    try {
      Files.writeString(
          file,
          """
          slug: %s
          name: Limited
          selfSignup: true
          emailVerification: false
          rateLimits: {user: 2}
          """
              .formatted(slug));
      await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  PlatformIT.query("select count(*) from tenant where slug = '" + slug + "'")
                      .equals("1"));
      String email = Accounts.newEmail("mcp-limited", "example.com");
      assertThat(Accounts.register(email, Accounts.PASSWORD, slug).statusCode()).isEqualTo(201);
      String[] bearer =
          PluginsApi.bearer(
              Platform.json(Accounts.login(email, Accounts.PASSWORD)).get("accessToken").asText());
      String listTools = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

      HttpResponse<String> first = mcp(listTools, bearer);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(first.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"user\";r=1;");
      assertThat(mcp(listTools, bearer).statusCode()).isEqualTo(200);
      HttpResponse<String> refused = mcp(listTools, bearer);

      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
      assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1L, 60L);
      assertThat(Platform.json(refused).get("detail").asText())
          .startsWith("Too many requests from you");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** A raw JSON-RPC message to the MCP endpoint, as a client without the SDK sends it. */
  private static HttpResponse<String> mcp(String message, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(Platform.BASE.resolve("api/mcp"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(message));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The SDK's client over streamable HTTP, sending the bearer header with every request. */
  private static McpSyncClient client(String[] bearer) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(Platform.BASE.toString().replaceAll("/$", ""))
            .endpoint("/api/mcp")
            .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
            .clientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
            .httpRequestCustomizer(
                (request, method, uri, body, context) -> request.setHeader(bearer[0], bearer[1]))
            .build();
    return McpClient.sync(transport).requestTimeout(TIMEOUT).initializationTimeout(TIMEOUT).build();
  }

  private static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
  }

  private static JsonNode structured(McpSchema.CallToolResult result) {
    assertThat(result.isError()).as(result.toString()).isNotEqualTo(Boolean.TRUE);
    return JSON.valueToTree(result.structuredContent());
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  /** The team's one conversation, the one the assistant's questions started. */
  private static String conversation(Team team) throws Exception {
    JsonNode conversations = Platform.json(team.owner("GET", "conversations", null)).get("items");
    assertThat(conversations).hasSize(1);
    return conversations.get(0).get("id").asText();
  }
}
