package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the OpenAPI document that takes a JSON body, sent random and boundary bodies
 * by the kind of caller it is meant for, with real ids in its path so the bodies reach its handler:
 * no answer is a server error, every refusal is problem details that show none of the server's
 * internals, and a refused request leaves every table of the database as it was.
 */
@ExtendWith(ArquillianExtension.class)
class ApiFuzzIT {

  /** Fixed, so that a body that fails in CI fails again on a laptop. */
  private static final long SEED = 14;

  /** Bodies per operation: with about forty operations, the suite takes a minute or two. */
  private static final int TRIES = 24;

  private static final int HUGE = 200_000;
  private static final int DEEP = 50_000;

  /** What a leaked stack trace or class name looks like. */
  private static final Pattern INTERNALS =
      Pattern.compile(
          "\\b(?:java|javax|jakarta|org|com|sun|io\\.protohive)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]+"
              + "|Exception\\b|\\n\\s+at [a-z]");

  /**
   * Rows a refused request writes on purpose: the audit trail of failed and locked sign-ins is what
   * the refusal is for, and every request of a signed-in caller leaves its entry, refused or not.
   */
  private static final String REFUSALS_AUDITED =
      "('SIGN_IN_FAILED', 'SIGN_IN_LOCKED', 'API_READ', 'API_CHANGE')";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Who calls an operation, by the start of its path; everything else is a tenant user's. */
  private static final Map<String, String> CALLER_BY_PREFIX =
      Map.of(
          "/api/v1/auth/", "anonymous",
          "/api/v1/tenant/", "tenant admin",
          "/api/v1/platform/", "platform admin",
          "/api/v1/plugins", "platform admin");

  /** The order callers fuzz in: admins last, since what they change may switch off the rest. */
  private static final List<String> CALLER_ORDER =
      List.of("anonymous", "tenant user", "tenant admin", "platform admin");

  private final Map<String, String[]> callers = new HashMap<>();
  private final Map<String, String> ids = new HashMap<>();

  /** Values that name something real, by the property that takes them. */
  private final Map<String, List<String>> known = new HashMap<>();

  private String tenant;
  private String ownerEmail;
  private Connection database;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void tenantWithPeopleAndThings() throws Exception {
    database = DriverManager.getConnection(Platform.EMBEDDED_DB_URL, "postgres", "");
    String adminEmail = Accounts.newEmail("fuzz-admin", "example.com");
    tenant = Accounts.tenant("fuzz", false, adminEmail);
    // the suite's requests would otherwise exceed a person's limit per minute
    PlatformIT.execute(
        "update tenant set rate_limit_user = 100000, rate_limit_tenant = 100000 where slug = '"
            + tenant
            + "'");
    ownerEmail = Accounts.newEmail("fuzz-owner", "example.com");
    String victimEmail = Accounts.newEmail("fuzz-member", "example.com");
    callers.put("anonymous", new String[0]);
    callers.put("tenant user", signUp(ownerEmail));
    callers.put("tenant admin", signUp(adminEmail));
    callers.put("platform admin", PluginsApi.platformAdmin());
    String[] owner = callers.get("tenant user");
    String[] admin = callers.get("tenant admin");
    signUp(victimEmail);

    assertThat(
            PluginsApi.configure(
                    "io.protohive.plugins.llm-scripted",
                    "{\"enabled\":true,\"config\":{\"tokenDelayMillis\":\"1\"}}",
                    admin)
                .statusCode())
        .isEqualTo(200);
    assertThat(PluginsApi.configure(PluginsApi.CLOCK_ID, "{\"enabled\":true}", admin).statusCode())
        .isEqualTo(200);
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/llm-route",
                    "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
                    admin)
                .statusCode())
        .isEqualTo(200);

    String organization =
        created(Platform.send("POST", "api/v1/organizations", "{\"name\":\"Fuzzed\"}", owner));
    ids.put("id", organization);
    ids.put(
        "userId",
        Platform.json(
                Platform.send(
                    "POST",
                    "api/v1/organizations/" + organization + "/members",
                    "{\"email\":\"" + victimEmail + "\",\"role\":\"MEMBER\"}",
                    owner))
            .get("userId")
            .asText());
    String agent =
        created(
            Platform.send(
                "POST",
                "api/v1/organizations/" + organization + "/agents",
                "{\"name\":\"Target\",\"role\":\"Receives odd bodies\"}",
                owner));
    ids.put("agentId", agent);
    String conversation =
        created(
            Platform.send(
                "POST",
                "api/v1/conversations",
                "{\"organizationId\":\"" + organization + "\",\"agentIds\":[\"" + agent + "\"]}",
                owner));
    ids.put("conversationId", conversation);
    HttpResponse<String> message =
        Platform.send(
            "POST",
            "api/v1/conversations/" + conversation + "/messages",
            "{\"content\":\"Hello\"}",
            owner);
    assertThat(message.statusCode()).as(message.body()).isEqualTo(202);
    ids.put("runId", Platform.json(message).get("runId").asText());
    ids.put(
        "taskId",
        created(
            Platform.send(
                "POST",
                "api/v1/organizations/" + organization + "/tasks",
                "{\"title\":\"Fuzzed task\"}",
                owner)));
    ids.put(
        "webhookId",
        Platform.json(
                Platform.send(
                    "POST",
                    "api/v1/organizations/" + organization + "/webhooks",
                    // paused: deliveries retried in the background would change rows between
                    // requests
                    "{\"url\":\"http://localhost:9/fuzzed\",\"eventTypes\":[\"task.created\"],"
                        + "\"enabled\":false}",
                    owner))
            .get("webhook")
            .get("id")
            .asText());
    ids.put(
        "routineId",
        Platform.json(
                Platform.send(
                    "POST",
                    "api/v1/organizations/" + organization + "/routines",
                    "{\"name\":\"Fuzzed\",\"agentId\":\""
                        + agent
                        + "\",\"titleTemplate\":\"Fuzzed\"}",
                    owner))
            .get("routine")
            .get("id")
            .asText());
    ids.put("toolId", "clock.now");
    ids.put("tool", "echo");
    known.put("tenant", List.of(tenant, "demo"));
    known.put("providerId", List.of("scripted"));
    known.put("model", List.of("scripted-1"));
    known.put("tools", List.of("clock.now"));
    known.put("toolIds", List.of("clock.now"));
    known.put("email", List.of(victimEmail, Accounts.newEmail("fuzz-new", "example.com")));
    ids.put("pluginId", PluginsApi.CLOCK_ID);
    ids.put("tenant", tenant);
    ids.put("provider", "none");
    // another tenant's, so that disabling it leaves the suite's own people signed in
    String spare = Accounts.tenant("fuzz-spare", false, "");
    ids.put("tenantId", PlatformIT.query("select id from tenant where slug = '" + spare + "'"));
    HttpResponse<String> file =
        Platform.multipart(
            "api/v1/organizations/" + organization + "/files",
            "fuzzed.txt",
            "Fuzzed notes".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Map.of(),
            owner);
    assertThat(file.statusCode()).as(file.body()).isEqualTo(201);
    ids.put("fileId", Platform.json(file).get("id").asText());
    HttpResponse<String> serviceAccount =
        Platform.post("api/v1/tenant/service-accounts", "{\"name\":\"Fuzzed bot\"}", admin);
    assertThat(serviceAccount.statusCode()).as(serviceAccount.body()).isEqualTo(201);
    ids.put("serviceAccountId", Platform.json(serviceAccount).get("id").asText());
    for (String unknown :
        List.of(
            "sessionId",
            "publisherId",
            "budgetId",
            "approvalId",
            "jobId",
            "shareId",
            "knowledgeBaseId",
            "deliveryId")) {
      ids.put(unknown, UUID.randomUUID().toString());
    }
  }

  @AfterEach
  void leaveSignInOpen() throws Exception {
    // the suite's failed sign-ins must not leave the shared source address locked for the next test
    await()
        .alias("the source address may sign in again")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> Accounts.login(ownerEmail, Accounts.PASSWORD).statusCode() == 200);
    database.close();
  }

  @Test
  void everyJsonOperationAnswersRandomAndBoundaryBodiesWithoutFailingOrWritingHalfway()
      throws Exception {
    List<Operation> operations = jsonOperations();
    List<String> defects = new ArrayList<>();
    Map<String, Set<Integer>> answers = new TreeMap<>();
    Random random = new Random(SEED);
    Map<String, Long> rows = quietRows(defects, "the suite's preparations");
    for (Operation operation : operations) {
      Gen<String> bodies = bodies(operation.schema());
      for (int i = 0; i < TRIES; i++) {
        String body = bodies.next(random);
        String sent = operation.name() + " as " + operation.caller() + " with " + shown(body);
        HttpResponse<String> response;
        try {
          response =
              Platform.send(
                  operation.method(),
                  operation.path().substring(1),
                  body,
                  callers.get(operation.caller()));
        } catch (IOException noAnswer) {
          defects.add(sent + " got no answer: " + noAnswer);
          rows = quietRows(defects, sent);
          continue;
        }
        int status = response.statusCode();
        answers.computeIfAbsent(operation.name(), k -> new TreeSet<>()).add(status);
        if (status >= 500) {
          defects.add(sent + " answered " + status + ": " + shown(response.body()));
        } else if (status >= 400) {
          String problem = problemDefect(response);
          if (problem != null) {
            defects.add(sent + " answered " + status + " " + problem);
          }
          Map<String, Long> after = rows();
          if (!after.equals(rows)) {
            defects.add(sent + " answered " + status + " but wrote " + changes(rows, after));
          }
          rows = after;
          continue;
        }
        // an accepted request may start work that writes for a while (an agent's answer)
        rows = quietRows(defects, sent);
      }
    }

    System.out.println("Answers of the fuzzed operations: " + answers);
    assertThat(defects).as(String.join("\n", defects)).isEmpty();
    assertThat(operations)
        .extracting(Operation::name)
        .contains(
            "POST /api/v1/auth/register",
            "POST /api/v1/auth/login",
            "POST /api/v1/organizations",
            "PATCH /api/v1/organizations/{id}/members/{userId}",
            "PUT /api/v1/tenant/plugins/{pluginId}",
            "POST /api/v1/tools/{toolId}/invocations",
            "POST /api/v1/platform/tenants");
    assertThat(answers)
        .as("every operation's handler was reached by some body, not only refused on its way in")
        .allSatisfy(
            (operation, statuses) ->
                assertThat(statuses)
                    .as(operation)
                    .isNotEmpty()
                    .anyMatch(s -> s != 401 && s != 403));
  }

  private String[] signUp(String email) throws Exception {
    HttpResponse<String> created = Accounts.register(email, Accounts.PASSWORD, tenant);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> login = Accounts.login(email, Accounts.PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return PluginsApi.bearer(Platform.json(login).get("accessToken").asText());
  }

  private static String created(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Platform.json(response).get("id").asText();
  }

  // --- the operations ---------------------------------------------------------------------

  record Operation(String method, String template, String path, JsonNode schema, String caller) {

    String name() {
      return method + " " + template;
    }
  }

  /** The operations of the live OpenAPI document whose request body is JSON. */
  private List<Operation> jsonOperations() throws Exception {
    JsonNode document = Platform.json(Platform.get("openapi?format=JSON"));
    JsonNode schemas = document.path("components").path("schemas");
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (String method : List.of("post", "put", "patch")) {
        JsonNode json = path.getValue().path(method).path("requestBody").path("content");
        if (!json.has("application/json")) {
          continue;
        }
        String concrete = path.getKey();
        for (Map.Entry<String, String> id : ids.entrySet()) {
          concrete = concrete.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(concrete).as("every path parameter of " + path.getKey()).doesNotContain("{");
        operations.add(
            new Operation(
                method.toUpperCase(),
                path.getKey(),
                concrete,
                resolved(json.get("application/json").path("schema"), schemas),
                callerOf(path.getKey())));
      }
    }
    operations.sort(
        Comparator.comparing((Operation o) -> CALLER_ORDER.indexOf(o.caller()))
            .thenComparing(Operation::template)
            .thenComparing(Operation::method));
    return operations;
  }

  private static String callerOf(String template) {
    return CALLER_BY_PREFIX.entrySet().stream()
        .filter(prefix -> template.startsWith(prefix.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("tenant user");
  }

  /** The schema with its references replaced by what they name, to a few levels. */
  private static JsonNode resolved(JsonNode schema, JsonNode schemas) {
    return resolved(schema, schemas, 0);
  }

  private static JsonNode resolved(JsonNode schema, JsonNode schemas, int depth) {
    if (depth > 6 || !schema.isObject()) {
      return schema;
    }
    JsonNode node = schema;
    if (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      node = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    } else if (node.has("allOf")) {
      node = node.get("allOf").get(0);
      return resolved(node, schemas, depth + 1);
    }
    ObjectNode copy = node.deepCopy();
    if (copy.has("properties")) {
      ObjectNode properties = NODES.objectNode();
      for (Map.Entry<String, JsonNode> property : copy.get("properties").properties()) {
        properties.set(property.getKey(), resolved(property.getValue(), schemas, depth + 1));
      }
      copy.set("properties", properties);
    }
    if (copy.has("items")) {
      copy.set("items", resolved(copy.get("items"), schemas, depth + 1));
    }
    return copy;
  }

  // --- the bodies -------------------------------------------------------------------------

  /** Bodies for an operation: mostly its own shape with one thing wrong, some plain hostile. */
  private Gen<String> bodies(JsonNode schema) {
    List<String> properties = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(properties::add);
    Gen<ObjectNode> valid = object(schema);
    Gen<Integer> which = Gen.ints(0, Math.max(0, properties.size() - 1));
    Gen<JsonNode> hostile = hostile();
    Gen<JsonNode> anyJson = randomJson(3);
    Gen<String> wrongValue =
        random -> {
          ObjectNode object = valid.next(random);
          String field = properties.isEmpty() ? "unexpected" : properties.get(which.next(random));
          object.set(field, hostile.next(random));
          return object.toString();
        };
    Gen<String> missing =
        random -> {
          ObjectNode object = valid.next(random);
          if (!properties.isEmpty()) {
            object.remove(properties.get(which.next(random)));
          }
          return object.toString();
        };
    Gen<String> extra =
        random -> {
          ObjectNode object = valid.next(random);
          object.set("x" + Gen.anyText(12).next(random), anyJson.next(random));
          return object.toString();
        };
    Gen<String> huge =
        valid.map(
            object -> {
              String big = "\u00e9x".repeat(HUGE / 2);
              properties.forEach(p -> object.put(p, big));
              return object.toString();
            });
    Gen<String> deep =
        Gen.of(
            "[".repeat(DEEP) + "]".repeat(DEEP),
            "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP),
            properties.isEmpty()
                ? "{\"a\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}"
                : "{\"" + properties.get(0) + "\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}");
    Gen<String> notJson =
        Gen.oneOf(
            Gen.of(
                "",
                " ",
                "\n\t ",
                "null",
                "not json",
                "{",
                "}",
                "{\"a\":",
                "{\"a\":1}}",
                "{'a':1}",
                "<a/>",
                "\u0000",
                "{\"\\u0000\":1}",
                "NaN",
                "-",
                "1e99999",
                "\"\\ud800\"",
                "{\"a\":\"\\u12\"}"),
            Gen.anyText(40));
    return Gen.<String>weighted()
        .add(2, valid.map(JsonNode::toString))
        .add(8, wrongValue)
        .add(2, missing)
        .add(2, extra)
        .add(2, anyJson.map(JsonNode::toString))
        .add(1, valid.map(object -> "[" + object + "]"))
        .add(1, huge)
        .add(1, deep)
        .add(2, notJson);
  }

  /**
   * An object with some of the schema's properties, each with a value that fits it, so that many
   * bodies pass binding and carry the one wrong value on to the handler.
   */
  private Gen<ObjectNode> object(JsonNode schema) {
    List<Map.Entry<String, Gen<JsonNode>>> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      fields.add(Map.entry(property.getKey(), fitting(property.getKey(), property.getValue())));
    }
    return random -> {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<String, Gen<JsonNode>> field : fields) {
        JsonNode value = field.getValue().orNull(0.3).next(random);
        if (value != null) {
          object.set(field.getKey(), value);
        }
      }
      return object;
    };
  }

  /** A value that fits a property, with the suite's real ids where the name asks for one. */
  private Gen<JsonNode> fitting(String name, JsonNode schema) {
    if (schema.has("enum")) {
      List<JsonNode> values = new ArrayList<>();
      schema.get("enum").forEach(values::add);
      return Gen.of(values);
    }
    String type = schema.path("type").asText("object");
    String format = schema.path("format").asText("");
    return switch (type) {
      case "string" -> {
        if (format.equals("uuid")) {
          String real =
              ids.get(name.equals("organizationId") || name.equals("scopeId") ? "id" : name);
          if (real == null && (name.endsWith("AgentId") || name.equals("managerId"))) {
            real = ids.get("agentId");
          }
          String chosen = real;
          yield random ->
              NODES.textNode(
                  chosen != null && random.nextBoolean()
                      ? chosen
                      : new UUID(random.nextLong(), random.nextLong()).toString());
        }
        if (format.equals("date-time")) {
          yield Gen.of("2030-01-01T00:00:00Z", "1970-01-01T00:00:00Z").map(NODES::textNode);
        }
        if (known.containsKey(name)) {
          yield Gen.of(known.get(name)).map(NODES::textNode);
        }
        if (name.toLowerCase().contains("email")) {
          yield Gen.letters(1, 10).map(local -> NODES.textNode(local + "@example.com"));
        }
        yield Gen.letters(1, 20).map(NODES::textNode);
      }
      case "integer" -> Gen.ints(0, 1000).map(NODES::numberNode);
      case "number" -> random -> NODES.numberNode(random.nextDouble() * 100);
      case "boolean" -> Gen.of(true, false).map(NODES::booleanNode);
      case "array" ->
          fitting(name, schema.path("items"))
              .list(3)
              .map(
                  values -> {
                    ArrayNode array = NODES.arrayNode();
                    values.forEach(array::add);
                    return array;
                  });
      default -> {
        if (schema.has("properties")) {
          yield object(schema).map(JsonNode.class::cast);
        }
        Gen<String> keys = Gen.letters(1, 8);
        Gen<String> values = Gen.letters(0, 8);
        yield random -> {
          ObjectNode map = NODES.objectNode();
          for (int i = random.nextInt(4); i > 0; i--) {
            map.put(keys.next(random), values.next(random));
          }
          return map;
        };
      }
    };
  }

  /** Values that belong in no field: wrong types, boundaries, odd text. */
  private static Gen<JsonNode> hostile() {
    Gen<JsonNode> text =
        Gen.of(
                "",
                " ",
                "\t\n ",
                "\u0000",
                "a\u0000b",
                "\ud83d\ude00\u202e\u200b",
                "\ud800",
                "\uffff",
                "NaN",
                "Infinity",
                "-0",
                "1e308",
                "null",
                "' or '1'='1",
                "<script>alert(1)</script>",
                "../../etc/passwd",
                "${jndi:ldap://localhost/a}",
                "x".repeat(HUGE))
            .map(NODES::textNode);
    Gen<JsonNode> numbers =
        Gen.of(
            NODES.numberNode(0),
            NODES.numberNode(-1),
            NODES.numberNode(Integer.MAX_VALUE),
            NODES.numberNode(Integer.MIN_VALUE),
            NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(new BigInteger("99999999999999999999999999")),
            NODES.numberNode(1e308),
            NODES.numberNode(-1e308),
            NODES.numberNode(Double.MIN_VALUE),
            NODES.numberNode(new BigDecimal("1e400")),
            NODES.numberNode(0.5));
    Gen<JsonNode> shapes =
        random ->
            Gen.<Gen<JsonNode>>of(
                    r -> NODES.nullNode(),
                    r -> NODES.booleanNode(true),
                    r -> NODES.arrayNode(),
                    r -> NODES.objectNode(),
                    r -> NODES.arrayNode().addNull(),
                    r -> NODES.objectNode().put("", ""))
                .next(random)
                .next(random);
    return Gen.<JsonNode>weighted()
        .add(4, text)
        .add(1, Gen.anyText(30).map(NODES::textNode))
        .add(3, numbers)
        .add(2, shapes)
        .add(2, randomJson(3));
  }

  /** Any JSON value, up to {@code depth} levels deep. */
  private static Gen<JsonNode> randomJson(int depth) {
    Gen<JsonNode> leaves =
        Gen.oneOf(
            Gen.anyText(20).map(NODES::textNode),
            random -> NODES.numberNode(random.nextLong()),
            random -> NODES.numberNode(random.nextDouble() * Double.MAX_VALUE),
            Gen.of(true, false).map(NODES::booleanNode),
            random -> NODES.nullNode());
    if (depth == 0) {
      return leaves;
    }
    Gen<JsonNode> inner = randomJson(depth - 1);
    Gen<String> keys = Gen.anyText(8);
    Gen<JsonNode> array =
        inner
            .list(4)
            .map(
                values -> {
                  ArrayNode nodes = NODES.arrayNode();
                  values.forEach(nodes::add);
                  return nodes;
                });
    Gen<JsonNode> object =
        random -> {
          ObjectNode nodes = NODES.objectNode();
          for (int i = random.nextInt(5); i > 0; i--) {
            nodes.set(keys.next(random), inner.next(random));
          }
          return nodes;
        };
    return Gen.oneOf(leaves, array, object);
  }

  // --- the checks -------------------------------------------------------------------------

  /** What is wrong with a refusal's body, or null. */
  private static String problemDefect(HttpResponse<String> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      return "as " + type + ", not problem details: " + shown(response.body());
    }
    if (INTERNALS.matcher(response.body()).find()) {
      return "showing the server's internals: " + shown(response.body());
    }
    try {
      if (JSON.readTree(response.body()).path("status").asInt() != response.statusCode()) {
        return "with another status in its problem details: " + shown(response.body());
      }
    } catch (Exception notJson) {
      return "with problem details that are not JSON: " + shown(response.body());
    }
    return null;
  }

  /** The number of rows in every table, the refusals' own audit entries left out. */
  private Map<String, Long> rows() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Statement statement = database.createStatement();
        ResultSet result =
            statement.executeQuery(
                "select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename <> 'flyway_schema_history' order by tablename")) {
      while (result.next()) {
        tables.add(result.getString(1));
      }
    }
    String counts =
        tables.stream()
            .map(
                table ->
                    "select '"
                        + table
                        + "', count(*) from \""
                        + table
                        + "\""
                        + (table.equals("audit_event")
                            ? " where action not in " + REFUSALS_AUDITED
                            : ""))
            .collect(Collectors.joining(" union all "));
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Statement statement = database.createStatement();
        ResultSet result = statement.executeQuery(counts)) {
      while (result.next()) {
        rows.put(result.getString(1), result.getLong(2));
      }
    }
    return rows;
  }

  /** Jobs running, or queued and due, which will write when a worker gets to them. */
  private long jobsAtWork() throws Exception {
    try (Statement statement = database.createStatement();
        ResultSet result =
            statement.executeQuery(
                "select count(*) from job where status = 'RUNNING'"
                    + " or (status = 'QUEUED' and run_at <= now())")) {
      result.next();
      return result.getLong(1);
    }
  }

  /** The row counts once the work a request started has stopped writing. */
  private Map<String, Long> quietRows(List<String> defects, String after) throws Exception {
    AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
    try {
      return await()
          .alias("the platform stops writing")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                Map<String, Long> now = rows();
                // a job queued and due writes once a worker takes it, however quiet the rows are
                return now.equals(last.getAndSet(now)) && jobsAtWork() == 0 ? now : null;
              },
              Objects::nonNull);
    } catch (ConditionTimeoutException stillWriting) {
      defects.add(after + " was followed by a minute of writing: " + last.get());
      return rows();
    }
  }

  private static String changes(Map<String, Long> before, Map<String, Long> after) {
    return after.entrySet().stream()
        .filter(e -> !e.getValue().equals(before.get(e.getKey())))
        .map(e -> e.getKey() + " " + before.get(e.getKey()) + "→" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String shown(String text) {
    String escaped = text.replace("\u0000", "\\u0000").replace("\n", "\\n");
    return escaped.length() <= 300
        ? escaped
        : escaped.substring(0, 300) + "… (" + escaped.length() + " chars)";
  }
}
