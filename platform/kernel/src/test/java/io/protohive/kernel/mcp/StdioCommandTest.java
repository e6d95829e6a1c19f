package io.protohive.kernel.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.platform.Rejection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands platform admins may register: an executable inside the folder the sandbox shows. */
class StdioCommandTest {

  @TempDir Path installed;

  @Test
  void anExecutableInItsFolderOrUnderUsrIsTaken() throws Exception {
    Path server = executable(installed.resolve("server"));

    assertThat(StdioCommand.of(server.toString(), null, null))
        .isEqualTo(new StdioCommand(server.toString(), List.of(), installed.toString()));
    assertThat(StdioCommand.of("/usr/bin/node", List.of("index.js"), installed.toString()).args())
        .containsExactly("index.js");
  }

  @Test
  void whatWouldRunOutsideTheSandboxsViewIsRefused() throws Exception {
    Path server = executable(installed.resolve("server"));
    Path elsewhere = Files.createDirectory(installed.resolve("elsewhere"));
    Path link = Files.createSymbolicLink(elsewhere.resolve("link"), server);

    assertRefused("server", null, null);
    assertRefused(installed + "/elsewhere/../server", null, null);
    assertRefused(installed.resolve("missing").toString(), null, null);
    assertRefused(server.toString(), null, "/");
    assertRefused(server.toString(), null, elsewhere.toString());
    assertRefused(link.toString(), null, null);
    assertRefused(server.toString(), List.of("x".repeat(1001)), null);
    Files.writeString(installed.resolve("data"), "not a program");
    assertRefused(installed.resolve("data").toString(), null, null);
  }

  private static void assertRefused(String command, List<String> args, String folder) {
    assertThatThrownBy(() -> StdioCommand.of(command, args, folder))
        .as(command + " in " + folder)
        .isInstanceOf(Rejection.class);
  }

  private static Path executable(Path path) throws Exception {
    Files.writeString(path, "#!/bin/sh\n");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    return path;
  }
}
