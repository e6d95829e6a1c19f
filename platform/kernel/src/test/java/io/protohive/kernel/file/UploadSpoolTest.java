package io.protohive.kernel.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.platform.Rejection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumable upload's part: appended at its offset, whole only when every byte counted. */
class UploadSpoolTest {

  private static final long FOREVER = System.nanoTime() + 3_600_000_000_000L;

  @TempDir Path folder;

  private UploadSpool spool;
  private UUID uploadId;
  private Path part;

  @BeforeEach
  void emptyPart() {
    spool = new UploadSpool();
    spool.limits = new FileLimits();
    spool.limits.maxFileBytes = 1000;
    spool.folder = folder;
    spool.parts = folder;
    uploadId = UUID.randomUUID();
    spool.startPart(uploadId);
    part = spool.part(uploadId);
  }

  @Test
  void appendsEachRequestAtItsOffset() throws IOException {
    assertThat(UploadSpool.append(part, 0, stream("Minutes "), 20, FOREVER)).isEqualTo(8);
    assertThat(UploadSpool.append(part, 8, stream("of the day"), 12, FOREVER)).isEqualTo(10);
    assertThat(Files.readString(part)).isEqualTo("Minutes of the day");
  }

  @Test
  void dropsBytesBeyondTheOffsetThatWereNeverCounted() throws IOException {
    UploadSpool.append(part, 0, stream("Minutes of"), 20, FOREVER);
    // the second request's count was lost: the client goes on from the first's end
    assertThat(UploadSpool.append(part, 8, stream("of the day"), 12, FOREVER)).isEqualTo(10);
    assertThat(Files.readString(part)).isEqualTo("Minutes of the day");
  }

  @Test
  void keepsWhatArrivedBeforeTheSenderWasCutOff() throws IOException {
    InputStream cutOff =
        new InputStream() {
          private int sent;

          @Override
          public int read() throws IOException {
            if (sent == 5) {
              throw new IOException("connection reset");
            }
            return 'a' + sent++;
          }
        };
    assertThat(UploadSpool.append(part, 0, cutOff, 20, FOREVER)).isEqualTo(5);
    assertThat(Files.readString(part)).isEqualTo("abcde");
  }

  @Test
  void refusesMoreThanTheUploadLacksAndKeepsNoneOfIt() throws IOException {
    UploadSpool.append(part, 0, stream("Minutes "), 12, FOREVER);
    assertThatThrownBy(() -> UploadSpool.append(part, 8, stream("of the day"), 4, FOREVER))
        .isInstanceOfSatisfying(
            Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.TOO_LARGE));
    assertThat(Files.readString(part)).isEqualTo("Minutes ");
  }

  @Test
  void stopsReceivingWhenItsTimeIsUp() throws IOException {
    assertThat(UploadSpool.append(part, 0, stream("late"), 4, System.nanoTime() - 1)).isZero();
    assertThat(Files.size(part)).isZero();
  }

  @Test
  void refusesToLeaveAHoleWhereCountedBytesWentMissing() throws IOException {
    UploadSpool.append(part, 0, stream("Minutes "), 20, FOREVER);
    Files.write(part, new byte[0]);
    assertThatThrownBy(() -> UploadSpool.append(part, 8, stream("of the day"), 12, FOREVER))
        .isInstanceOf(IOException.class);
    assertThat(Files.size(part)).isZero();
  }

  @Test
  void aPartThatIsGoneAnswersNotFound() {
    spool.deletePart(uploadId);
    assertThatThrownBy(() -> UploadSpool.append(part, 0, stream("x"), 1, FOREVER))
        .isInstanceOfSatisfying(
            Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));
    assertThat(part).doesNotExist();
  }

  @Test
  void adoptsAWholePartAsAnUploadReceivedAtOnce() throws Exception {
    byte[] text = "Minutes of the day".getBytes(StandardCharsets.UTF_8);
    UploadSpool.append(part, 0, new ByteArrayInputStream(text), text.length, FOREVER);
    SpooledUpload adopted = spool.adopt(part, "minutes.txt");
    SpooledUpload received = spool.receive(new ByteArrayInputStream(text), "minutes.txt");
    assertThat(adopted.path()).isEqualTo(part);
    assertThat(adopted.sizeBytes()).isEqualTo(received.sizeBytes());
    assertThat(adopted.sha256())
        .isEqualTo(received.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)));
    assertThat(adopted.contentType()).isEqualTo(received.contentType());
    received.close();
    adopted.close();
    assertThat(part).doesNotExist();
  }

  @Test
  void refusesToAdoptAPartLargerThanAFileMayBe() throws IOException {
    byte[] large = new byte[1001];
    Arrays.fill(large, (byte) 'a');
    Files.write(part, large);
    assertThatThrownBy(() -> spool.adopt(part, "large.txt"))
        .isInstanceOfSatisfying(
            Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.TOO_LARGE));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
