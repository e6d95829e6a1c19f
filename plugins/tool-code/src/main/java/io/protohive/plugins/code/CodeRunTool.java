package io.protohive.plugins.code;

import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;

/**
 * {@code code.run}: runs a short program in a sandbox and answers its output and the files it
 * wrote, which the platform keeps as the organization's files. Where no sandbox can be made it
 * refuses, saying why: code never runs unsandboxed.
 */
@Component(service = Tool.class)
public final class CodeRunTool implements Tool {

  public static final String ID = "code.run";

  static final int MAX_CODE_CHARACTERS = 100_000;

  /** The shell's status for a program the kernel ended with SIGXCPU (24). */
  private static final int CPU_EXHAUSTED = 128 + 24;

  private final Sandbox sandbox;

  public CodeRunTool() {
    this(new Sandbox(SandboxLimits.DEFAULTS));
  }

  CodeRunTool(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Run code";
  }

  @Override
  public String description() {
    return "Runs a short Python 3 (with numpy, pandas and matplotlib), JavaScript (Node.js) or Bash"
        + " program without network access and answers what it printed. Files it writes to its"
        + " working folder (for example chart.png or table.csv) are kept as files of the"
        + " organization. Runs end after 25 seconds.";
  }

  @Override
  public String parametersSchema() {
    return """
        {"type":"object","properties":{\
        "language":{"type":"string","enum":["python","javascript","bash"]},\
        "code":{"type":"string","description":"The whole program"}},\
        "required":["language","code"]}""";
  }

  @Override
  public ToolResult invoke(Map<String, Object> arguments, ToolContext context) {
    Optional<Language> language = Language.named(arguments.get("language"));
    if (language.isEmpty()) {
      return ToolResult.error("Name the language: python, javascript or bash.");
    }
    Object code = arguments.get("code");
    if (code == null || code.toString().isBlank()) {
      return ToolResult.error("Give the program to run as 'code'.");
    }
    if (code.toString().length() > MAX_CODE_CHARACTERS) {
      return ToolResult.error("A program has at most " + MAX_CODE_CHARACTERS + " characters.");
    }
    Optional<String> unavailable = sandbox.unavailable();
    if (unavailable.isPresent()) {
      return ToolResult.error(
          "Code cannot run on this server: "
              + unavailable.get()
              + ". Code only ever runs in a sandbox.");
    }
    try {
      RunResult run =
          sandbox.run(language.get(), code.toString(), context.deadline(), context::isCancelled);
      return describe(run);
    } catch (IOException e) {
      return ToolResult.error("The sandbox failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ToolResult.error("The run was stopped.");
    }
  }

  private static ToolResult describe(RunResult run) {
    StringBuilder text = new StringBuilder();
    boolean stopped = run.timedOut() || run.exitCode() == CPU_EXHAUSTED;
    if (run.timedOut()) {
      text.append("The program ran out of time and was stopped.\n");
    } else if (run.exitCode() == CPU_EXHAUSTED) {
      text.append("The program used up its CPU time and was stopped.\n");
    } else {
      text.append("Exit code: ").append(run.exitCode()).append('\n');
    }
    text.append("Output:\n").append(run.output().isEmpty() ? "(none)" : run.output());
    if (run.truncated()) {
      text.append("\n(output cut here)");
    }
    if (!run.files().isEmpty()) {
      text.append("\nFiles written: ")
          .append(
              run.files().stream()
                  .map(ToolResult.Attachment::name)
                  .collect(Collectors.joining(", ")));
    }
    if (run.skipped() > 0) {
      text.append("\n").append(run.skipped()).append(" more files were not kept.");
    }
    ToolResult result =
        stopped ? ToolResult.error(text.toString()) : ToolResult.text(text.toString());
    for (ToolResult.Attachment file : run.files()) {
      result = result.withAttachment(file);
    }
    return result;
  }
}
