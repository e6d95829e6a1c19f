package io.protohive.kernel.mcp;

import io.protohive.kernel.platform.Rejection;
import io.protohive.sandbox.Bubblewrap;
import io.protohive.sandbox.ProcessLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an MCP server that runs as a command is started: an executable, its arguments, and the folder
 * it is installed in, which is all of the host the sandbox shows it besides the system's {@code
 * /usr}.
 *
 * @param executable an absolute path inside the folder or under {@code /usr}
 * @param folder an absolute path of a folder other than the root
 */
public record StdioCommand(String executable, List<String> args, String folder) {

  /** The size of the server's work folder and of its {@code /tmp}, both in memory. */
  private static final long SCRATCH_BYTES = 64L << 20;

  /**
   * What the server's processes may use. A server lives long, so its CPU time is counted over its
   * life: one that spins is ended by the kernel and started again at the next call.
   */
  private static final ProcessLimits LIMITS = new ProcessLimits(3600, 2L << 30, 128, 64L << 20);

  private static final Path SYSTEM = Path.of("/usr");

  public StdioCommand {
    args = List.copyOf(args);
  }

  /**
   * The command as a platform admin gives it; without a folder, the executable's own.
   *
   * @throws Rejection naming the field at fault
   */
  public static StdioCommand of(String executable, List<String> args, String folder) {
    if (executable == null || executable.length() > 1000 || !Path.of(executable).isAbsolute()) {
      throw Rejection.invalid("command", "Give the absolute path of the server's executable.");
    }
    Path command = Path.of(executable).normalize();
    if (!command.equals(Path.of(executable))
        || !Files.isRegularFile(command)
        || !Files.isExecutable(command)) {
      throw Rejection.invalid("command", executable + " is not an executable file.");
    }
    List<String> given = args == null ? List.of() : args;
    if (given.size() > 50 || given.stream().anyMatch(arg -> arg == null || arg.length() > 1000)) {
      throw Rejection.invalid("args", "Give up to 50 arguments of up to 1000 characters each.");
    }
    Path installed = folder == null ? command.getParent() : Path.of(folder).normalize();
    if (!installed.isAbsolute()
        || installed.getNameCount() == 0
        || !Files.isDirectory(installed)
        || folder != null && !installed.equals(Path.of(folder))) {
      throw Rejection.invalid(
          "folder", "Give the absolute path of the folder the server is installed in.");
    }
    if (!within(command, installed)) {
      throw Rejection.invalid(
          "command", "The executable, and what it links to, must be in the folder or under /usr.");
    }
    return new StdioCommand(command.toString(), given, installed.toString());
  }

  /** The sandbox the server runs in. */
  Bubblewrap sandbox() {
    return new Bubblewrap(SCRATCH_BYTES, List.of(Path.of(folder)), Map.of());
  }

  /** The command line that starts the server in its sandbox. */
  List<String> sandboxed() {
    List<String> line = new ArrayList<>();
    line.add(executable);
    line.addAll(args);
    return sandbox().command(LIMITS.applyTo(line));
  }

  private static boolean within(Path command, Path folder) {
    try {
      Path real = command.toRealPath();
      return command.startsWith(folder) && real.startsWith(folder.toRealPath())
          || command.startsWith(SYSTEM) && real.startsWith(SYSTEM);
    } catch (IOException e) {
      return false;
    }
  }
}
