package io.protohive.plugins.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.plugin.api.HostFiles;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Runs real programs in the real sandbox: what they may do, and the escapes and exhaustions they
 * try, each ending as a result the model reads while the host stays untouched. Needs bubblewrap,
 * which the test machine has; without it these tests fail.
 */
class CodeRunToolTest {

  private static final SandboxLimits TIGHT =
      new SandboxLimits(Duration.ofSeconds(8), 3, 1L << 30, 32, 8L << 20, 4_096, 3, 1L << 20);

  private final CodeRunTool tool = new CodeRunTool(new Sandbox(TIGHT));

  @Test
  void runsPythonAndKeepsTheChartItDraws() {
    ToolResult result =
        run(
            "python",
            """
            import pandas as pd
            import matplotlib.pyplot as plt
            sales = pd.DataFrame({"month": [1, 2, 3], "honey": [12, 18, 9]})
            print(sales["honey"].sum())
            sales.plot(x="month", y="honey").get_figure().savefig("out/chart.png")
            sales.to_csv("out/sales.csv", index=False)
            open("scratch.txt", "w").write("not kept")
            """);

    assertThat(result.isError()).as(result.content()).isFalse();
    assertThat(result.content()).contains("Exit code: 0", "39", "Files written:");
    assertThat(result.attachments())
        .extracting(ToolResult.Attachment::name)
        .containsExactlyInAnyOrder("chart.png", "sales.csv");
    ToolResult.Attachment chart =
        result.attachments().stream().filter(a -> a.name().equals("chart.png")).findFirst().get();
    assertThat(chart.mediaType()).isEqualTo("image/png");
    assertThat(new String(chart.content(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  @Test
  void readsTheFilesItIsGivenReadOnlyUnderTheirNames() {
    UUID sales = UUID.randomUUID();
    UUID notes = UUID.randomUUID();
    Map<UUID, HostFiles.File> stored =
        Map.of(
            sales,
            file(sales, "sales.csv", "month,honey\n1,12\n2,18\n"),
            notes,
            file(notes, "../../notes.txt", "bees"));
    ToolResult result =
        tool.invoke(
            Map.of(
                "language",
                "python",
                "code",
                """
                import pandas as pd
                print("total", pd.read_csv("in/sales.csv")["honey"].sum())
                print(open("in/notes.txt").read())
                try:
                    open("in/sales.csv", "w").write("changed")
                except OSError as e:
                    print("refused:", e.strerror)
                """,
                "files",
                List.of(sales.toString(), notes.toString())),
            context(reading(stored)));

    assertThat(result.isError()).as(result.content()).isFalse();
    assertThat(result.content())
        .contains("Files read: ./in/sales.csv, ./in/notes.txt", "total 30", "bees")
        .contains("refused: Permission denied");
    assertThat(result.attachments()).isEmpty();
  }

  @Test
  void aFileItMayNotReadIsRefusedAndNothingRuns() {
    UUID foreign = UUID.randomUUID();
    ToolResult result =
        tool.invoke(
            Map.of("language", "bash", "code", "echo ran", "files", List.of(foreign.toString())),
            context(reading(Map.of())));

    assertThat(result.isError()).isTrue();
    assertThat(result.content())
        .contains("No file with the id " + foreign, "Nothing ran.")
        .doesNotContain("ran\n");
  }

  @Test
  void filesTooLargeTogetherOrTooManyOrNotIdsAreRefused() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    byte[] half = new byte[(int) (TIGHT.inputBytes() / 2 + 1)];
    Map<UUID, HostFiles.File> stored =
        Map.of(
            first,
            new HostFiles.File(first, "a.bin", "application/octet-stream", half),
            second,
            new HostFiles.File(second, "b.bin", "application/octet-stream", half));

    ToolResult tooLarge =
        tool.invoke(
            Map.of(
                "language",
                "bash",
                "code",
                "echo ran",
                "files",
                List.of(first.toString(), second.toString())),
            context(reading(stored)));
    ToolResult tooMany =
        tool.invoke(
            Map.of(
                "language",
                "bash",
                "code",
                "echo ran",
                "files",
                Collections.nCopies(11, first.toString())),
            context(reading(stored)));
    ToolResult notIds =
        tool.invoke(
            Map.of("language", "bash", "code", "echo ran", "files", List.of("sales.csv")),
            context(reading(stored)));

    assertThat(tooLarge.isError()).isTrue();
    assertThat(tooLarge.content()).contains("Nothing ran.");
    assertThat(tooMany.content()).contains("at most 10 files");
    assertThat(notIds.content()).contains("'sales.csv' is not a file id");
  }

  @Test
  void keepsOnlyRegularFilesOfTheOutFolder() {
    ToolResult result =
        run(
            "python",
            """
            import os
            open("out/../outside.txt", "w").write("not kept")
            os.makedirs("out/deep/er")
            open("out/deep/er/table.csv", "w").write("a,b")
            os.symlink("/etc/hostname", "out/link.txt")
            """);
    assertThat(result.isError()).as(result.content()).isFalse();
    assertThat(result.attachments())
        .extracting(ToolResult.Attachment::name)
        .containsExactly("table.csv");
  }

  @Test
  void runsJavaScriptAndBash() {
    assertThat(run("javascript", "console.log([1, 2, 3].map(x => x * 2).join(','))").content())
        .contains("Exit code: 0", "2,4,6");
    assertThat(run("bash", "echo $((6 * 7)); exit 3").content()).contains("Exit code: 3", "42");
  }

  @Test
  void anErrorIsOutputTheModelReads() {
    ToolResult result = run("python", "raise ValueError('no bees')");

    assertThat(result.content()).contains("Exit code: 1", "ValueError: no bees");
  }

  @Test
  void hasNoNetwork() {
    ToolResult result =
        run(
            "python",
            """
            import socket
            try:
                socket.create_connection(("1.1.1.1", 80), timeout=2)
                print("connected")
            except OSError as e:
                print("refused:", e)
            """);

    assertThat(result.content()).contains("refused:").doesNotContain("connected");
  }

  @Test
  void seesNoneOfTheHostsFilesAndCannotWriteTheSystem() {
    ToolResult result =
        run(
            "bash",
            """
            ls /root /home /work/main /etc/passwd /etc/shadow 2>&1 | head -5
            touch /usr/bin/escape 2>&1
            id -u
            """);

    assertThat(result.content())
        .contains("No such file or directory", "Read-only file system")
        .doesNotContain("README.md");
    assertThat(result.content()).doesNotContainPattern("(?m)^0$");
  }

  @Test
  void aProgramThatLoopsForeverIsStoppedAtItsCpuTime() {
    // wall time to spare, so that only the CPU time can stop it even on a busy machine
    SandboxLimits cpuBound =
        new SandboxLimits(Duration.ofSeconds(120), 2, 1L << 30, 32, 8L << 20, 4_096, 3, 1L << 20);
    ToolResult result =
        new CodeRunTool(new Sandbox(cpuBound))
            .invoke(Map.of("language", "python", "code", "while True: pass"), context());

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("used up its CPU time");
  }

  @Test
  void aProgramThatWaitsForeverIsStoppedAtItsWallTime() {
    Instant started = Instant.now();
    ToolResult result = run("bash", "echo waiting; sleep 600");

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("ran out of time", "waiting");
    assertThat(Duration.between(started, Instant.now()))
        .isLessThan(TIGHT.wallTime().plusSeconds(5));
  }

  @Test
  void aForkBombHitsTheProcessLimit() {
    ToolResult result =
        run(
            "python",
            """
            import os, time
            started = 0
            try:
                while True:
                    if os.fork() == 0:
                        time.sleep(3)
                        os._exit(0)
                    started += 1
            except OSError as e:
                print("stopped after", started, e.strerror)
            """);

    assertThat(result.content()).contains("stopped after", "Resource temporarily unavailable");
  }

  @Test
  void aProgramThatFillsMemoryOrTheDiskFailsAlone() {
    ToolResult memory = run("python", "hog = bytearray(3 * 1024 * 1024 * 1024)");
    ToolResult disk =
        run("bash", "head -c 50000000 /dev/zero > big.bin; echo written $?; ls -l big.bin");

    assertThat(memory.content()).contains("MemoryError");
    assertThat(disk.content()).contains("No space left on device");
    assertThat(disk.attachments())
        .allSatisfy(f -> assertThat(f.content().length).isLessThan(8 << 20));
  }

  @Test
  void keepsOnlySoMuchOutputAndSoManyFiles() {
    ToolResult result =
        run(
            "python",
            """
            print("x" * 100000)
            for i in range(5):
                open(f"out/f{i}.txt", "w").write(str(i))
            """);

    assertThat(result.content()).contains("(output cut here)", "2 more files were not kept.");
    assertThat(result.content().length()).isLessThan(5_000);
    assertThat(result.attachments()).hasSize(3);
  }

  @Test
  void refusesWhatItCannotRun() {
    assertThat(run("cobol", "DISPLAY 'HI'").content()).contains("Name the language");
    assertThat(run("python", " ").content()).contains("Give the program");
  }

  private ToolResult run(String language, String code) {
    return tool.invoke(Map.of("language", language, "code", code), context());
  }

  private static ToolContext context() {
    return context(HostFiles.refusing("No files here."));
  }

  private static ToolContext context(HostFiles files) {
    return ToolContext.builder(UUID.randomUUID())
        .deadline(Instant.now().plusSeconds(180))
        .files(files)
        .build();
  }

  /** The host's files as the person may read them: these, and no other. */
  private static HostFiles reading(Map<UUID, HostFiles.File> stored) {
    return (fileId, maxBytes) -> {
      HostFiles.File file = stored.get(fileId);
      if (file == null) {
        throw new HostFiles.FileRefused("No file with the id " + fileId + " you may read.");
      }
      if (file.content().length > maxBytes) {
        throw new HostFiles.FileRefused("The file " + file.name() + " is too large.");
      }
      return file;
    };
  }

  private static HostFiles.File file(UUID id, String name, String text) {
    return new HostFiles.File(id, name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
  }
}
