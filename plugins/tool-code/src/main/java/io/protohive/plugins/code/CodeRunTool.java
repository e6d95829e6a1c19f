package io.protohive.plugins.code;

import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;

/**
 * {@code code.run}: runs a short program in a sandbox, with the organization's files it names to
 * read, and answers its output and the files it wrote, which the platform keeps as the
 * organization's files. Where no sandbox can be made, or a file may not be read, it refuses, saying
 * why, and nothing runs: code never runs unsandboxed.
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
        + " program without network access and answers what it printed. The files named by id in"
        + " 'files' (up to "
        + InputFiles.MAX_FILES
        + ", "
        + (sandbox.limits().inputBytes() >> 20)
        + " MiB together) lie read-only in the folder ./in/ under their names, for example ./in/sales.csv. Files"
        + " the program writes to the folder ./out/ (for example ./out/chart.png or ./out/table.csv)"
        + " are kept as files of the organization and shown to the person; files written elsewhere"
        + " are not kept. Runs end after 25 seconds.";
  }

  @Override
  public String parametersSchema() {
    return """
        {"type":"object","properties":{\
        "language":{"type":"string","enum":["python","javascript","bash"]},\
        "code":{"type":"string","description":"The whole program"},\
        "files":{"type":"array","maxItems":%d,"items":{"type":"string"},\
        "description":"Ids of files the program reads from ./in/"}},\
        "required":["language","code"]}"""
        .formatted(InputFiles.MAX_FILES);
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
    List<UUID> fileIds;
    try {
      fileIds = InputFiles.ids(arguments.get("files"));
    } catch (IllegalArgumentException e) {
      return ToolResult.error(e.getMessage());
    }
    Optional<String> unavailable = sandbox.unavailable();
    if (unavailable.isPresent()) {
      return ToolResult.error(
          "Code cannot run on this server: "
              + unavailable.get()
              + ". Code only ever runs in a sandbox.");
    }
    List<InputFile> inputs;
    try {
      inputs = InputFiles.read(fileIds, context.files(), sandbox.limits().inputBytes());
    } catch (IOException e) {
      return ToolResult.error(e.getMessage() + " Nothing ran.");
    }
    try {
      RunResult run =
          sandbox.run(
              language.get(), code.toString(), inputs, context.deadline(), context::isCancelled);
      return describe(inputs, run);
    } catch (IOException e) {
      return ToolResult.error("The sandbox failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ToolResult.error("The run was stopped.");
    }
  }

  private static ToolResult describe(List<InputFile> inputs, RunResult run) {
    StringBuilder text = new StringBuilder();
    if (!inputs.isEmpty()) {
      text.append("Files read: ")
          .append(
              inputs.stream()
                  .map(input -> "./in/" + input.name())
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
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
