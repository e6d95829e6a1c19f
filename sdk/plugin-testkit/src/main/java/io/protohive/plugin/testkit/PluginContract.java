package io.protohive.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.pluginhost.PluginDescriptor;
import io.protohive.pluginhost.PluginTool;
import io.protohive.pluginhost.ToolOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every ProtoHive plugin passes: extend this class in an integration test of the
 * plugin's module, and the kit installs the packaged, signed jar into a real plugin host and checks
 * it. The jar is named by the system property {@value #JAR_PROPERTY}; override {@link #pluginJar()}
 * to name it otherwise.
 *
 * <p>Override {@link #sampleArguments()} and {@link #sampleConfiguration()} when a tool needs them
 * to answer a first call.
 */
public abstract class PluginContract {

  public static final String JAR_PROPERTY = "protohive.plugin.jar";
  private static final Duration START = Duration.ofSeconds(10);
  private static final Duration CALL = Duration.ofSeconds(10);
  private static final String TOOL_ID = "[a-z0-9]+([.-][a-z0-9]+)*";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  private PluginSandbox sandbox;
  private PluginDescriptor plugin;

  /** The packaged plugin jar under test. */
  protected Path pluginJar() {
    String jar = System.getProperty(JAR_PROPERTY);
    assertThat(jar).as("system property " + JAR_PROPERTY + " names the plugin jar").isNotBlank();
    return Path.of(jar);
  }

  /** Arguments each tool, by id, answers with; empty by default. */
  protected Map<String, Map<String, Object>> sampleArguments() {
    return Map.of();
  }

  /** The tenant configuration the sample calls run with; empty by default. */
  protected Map<String, String> sampleConfiguration() {
    return Map.of();
  }

  @BeforeEach
  void install() throws Exception {
    Path jar = pluginJar();
    sandbox = PluginSandbox.start(work, PluginSandbox.signerOf(jar));
    plugin = sandbox.install(jar);
  }

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void startsInTheHost() {
    assertThat(plugin.active()).as("bundle state").isTrue();
    await().atMost(START).until(() -> !ownTools().isEmpty() || !ownProviders().isEmpty());
  }

  @Test
  void describesItselfInItsManifest() {
    assertThat(plugin.name()).as("Bundle-Name").isNotBlank().isNotEqualTo(plugin.id());
    assertThat(plugin.vendor()).as("Bundle-Vendor").isNotBlank();
    assertThat(plugin.description()).as("Bundle-Description").isNotBlank();
    assertThat(plugin.spiRange()).as("version range of its plugin API import").isNotBlank();
  }

  @Test
  void importsTheHostPackagesInsteadOfEmbeddingThem() throws IOException {
    try (JarFile jar = new JarFile(pluginJar().toFile())) {
      assertThat(jar.stream().map(e -> e.getName()))
          .noneMatch(name -> name.startsWith("io/protohive/plugin/api/"))
          .noneMatch(name -> name.startsWith("dev/langchain4j/model/chat/"));
    }
  }

  @Test
  void toolsDescribeThemselvesToTheModel() throws IOException {
    await().atMost(START).until(() -> !ownTools().isEmpty() || !ownProviders().isEmpty());
    for (PluginTool tool : ownTools()) {
      String id = tool.tool().id();
      assertThat(id).as("tool id").matches(TOOL_ID);
      assertThat(tool.tool().name()).as(id + " name").isNotBlank();
      assertThat(tool.tool().description()).as(id + " description").isNotBlank();
      JsonNode schema = JSON.readTree(tool.tool().parametersSchema());
      assertThat(schema.path("type").asText())
          .as(id + " parameters schema type")
          .isEqualTo("object");
    }
  }

  @Test
  void configurationIsDescribedForTheForm() {
    await().atMost(START).until(() -> !ownTools().isEmpty() || !ownProviders().isEmpty());
    for (PluginTool tool : ownTools()) {
      Set<String> keys = new HashSet<>();
      for (ConfigurationProperty property : tool.tool().configuration()) {
        assertThat(keys.add(property.key())).as("key " + property.key() + " once").isTrue();
        assertThat(property.label()).as(property.key() + " label").isNotBlank();
        if (property.secret()) {
          assertThat(property.defaultValue()).as(property.key() + " secret default").isNull();
        }
      }
    }
  }

  @Test
  void everyToolAnswersWithinItsDeadline() {
    await().atMost(START).until(() -> !ownTools().isEmpty() || !ownProviders().isEmpty());
    for (PluginTool tool : ownTools()) {
      ToolOutcome outcome =
          sandbox.call(
              tool,
              sampleArguments().getOrDefault(tool.tool().id(), Map.of()),
              sampleConfiguration(),
              CALL);
      assertThat(outcome.status())
          .as(tool.tool().id() + " answered " + outcome.result())
          .isIn(ToolOutcome.Status.OK, ToolOutcome.Status.TOOL_ERROR);
    }
  }

  @Test
  void leavesNoServiceBehindWhenRemoved() {
    await().atMost(START).until(() -> !ownTools().isEmpty() || !ownProviders().isEmpty());
    sandbox.uninstall(plugin.id());
    await().atMost(START).until(() -> ownTools().isEmpty() && ownProviders().isEmpty());
    assertThat(sandbox.host().plugins()).isEmpty();
  }

  private List<PluginTool> ownTools() {
    return sandbox.tools().stream().filter(t -> t.pluginId().equals(plugin.id())).toList();
  }

  private List<?> ownProviders() {
    return sandbox.host().providers().stream()
        .filter(p -> p.pluginId().equals(plugin.id()))
        .toList();
  }

  /** The jar exists: a friendlier failure than a missing file deep in the host. */
  @Test
  void jarWasPackaged() {
    assertThat(Files.isRegularFile(pluginJar())).as(pluginJar() + " exists").isTrue();
  }
}
