package io.protohive.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs shell commands in the real sandbox: what it shows of the host and what it keeps out. Needs
 * bubblewrap, which the test machine has; without it these tests fail.
 */
class BubblewrapTest {

  @TempDir Path installed;

  @Test
  void aFolderGivenIsReadableButNotWritableAndTheRestOfTheHostIsHidden() throws Exception {
    Files.writeString(installed.resolve("server.txt"), "the server's own file");
    // readable by anyone, as an installed server is, for the sandbox runs as nobody under root
    Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("rwxr-xr-x"));
    Bubblewrap sandbox = new Bubblewrap(1 << 20, List.of(installed), Map.of());
    assertThat(sandbox.unavailable()).isEmpty();

    String said =
        run(
            sandbox,
            "cat "
                + installed.resolve("server.txt")
                + "; touch "
                + installed.resolve("changed")
                + " 2>&1; ls /root /home 2>&1");

    assertThat(said)
        .contains("the server's own file", "Read-only file system", "No such file or directory");
    assertThat(installed.resolve("changed")).doesNotExist();
  }

  @Test
  void hasNoNetworkButItsOwnLoopbackAndOnlyTheEnvironmentGiven() throws Exception {
    Bubblewrap sandbox = new Bubblewrap(1 << 20, List.of(), Map.of("GREETING", "hello"));

    String said = run(sandbox, "cat /proc/net/dev; env");

    assertThat(said).contains("lo:", "GREETING=hello", "HOME=/work");
    assertThat(said.lines().filter(line -> line.matches("\\s*[a-z0-9]+:.*")).toList())
        .as("the network interfaces in " + said)
        .singleElement()
        .satisfies(line -> assertThat(line.strip()).startsWith("lo:"));
    assertThat(said).doesNotContain("JAVA_HOME", "MAVEN");
  }

  @Test
  void processLimitsHoldInside() throws Exception {
    Bubblewrap sandbox = new Bubblewrap(1 << 20, List.of(), Map.of());
    ProcessLimits limits = new ProcessLimits(0, 1L << 30, 17, 1 << 20);

    String said =
        String.join(
            "\n",
            command(sandbox.command(limits.applyTo(List.of("/bin/cat", "/proc/self/limits")))));

    assertThat(said)
        .containsPattern("Max processes\\s+17\\s+17")
        .containsPattern("Max address space\\s+1073741824")
        .containsPattern("Max cpu time\\s+unlimited");
  }

  private static String run(Bubblewrap sandbox, String script)
      throws IOException, InterruptedException {
    return String.join("\n", command(sandbox.command(List.of("/bin/sh", "-c", script))));
  }

  private static List<String> command(List<String> command)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return said.lines().toList();
  }
}
