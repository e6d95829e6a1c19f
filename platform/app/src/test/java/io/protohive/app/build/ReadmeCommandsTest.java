package io.protohive.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's two commands are the product's promise to a newcomer: CI must run exactly the test
 * command it documents, and the run command must be the one the run check starts.
 */
class ReadmeCommandsTest {

  private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("../..");

  @Test
  void ciRunsExactlyTheReadmesTestCommand() throws IOException {
    String testCommand = onlyCommand("## Test");

    assertThat(commandLines(ROOT.resolve(".ci/run"))).contains(testCommand);
  }

  @Test
  void theRunCheckStartsTheReadmesRunCommand() throws IOException {
    String runCommand = onlyCommand("## Run");

    assertThat(runCommand).startsWith("mvn ").contains("-Prun");
    assertThat(Files.readString(ROOT.resolve("bin/check-run-command")))
        .as("the check reads the command from the README's Run section")
        .contains("/^## Run/");
    assertThat(commandLines(ROOT.resolve(onlyCommand("## Test"))))
        .contains("bash bin/check-run-command");
  }

  /** The one line of the first code block under a README heading. */
  private static String onlyCommand(String heading) throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int section = lines.indexOf(heading);
    assertThat(section).as("README has a section " + heading).isNotNegative();
    int open = section + 1;
    while (!lines.get(open).startsWith("```")) {
      open++;
    }
    int close = open + 1;
    while (!lines.get(close).startsWith("```")) {
      close++;
    }
    assertThat(close - open - 1).as("one command under " + heading).isEqualTo(1);
    return lines.get(open + 1).strip();
  }

  /** A script's lines that run something: neither blank nor comments. */
  private static List<String> commandLines(Path script) throws IOException {
    return Files.readAllLines(script).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }
}
