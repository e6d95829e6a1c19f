package io.protohive.kernel.file.storage;

import io.protohive.s3mock.S3MockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads of a large file as the platform stores them (encrypted with a tenant's data key, then
 * handed to the store) into a folder on disk and into an S3-compatible server (S3Mock on loopback,
 * in a JVM of its own), each against the same bytes stored plainly: {@code Files.copy} and one
 * {@code putObject}. Then the latency of reading 1 MiB from the middle of the file, decrypted,
 * against the same range read plainly. Run by bench/file-upload.sh.
 *
 * <p>Arguments, all optional: file size in MiB, uploads per row, ranged reads per row.
 */
public final class UploadBench {

  private static final int MIB = 1 << 20;

  /**
   * Enough for C2 to compile AES-GCM's loops with their intrinsics: the first ten or so 64 MiB
   * encryptions of a JVM run up to ten times slower than the ones after.
   */
  private static final int WARM_UP_UPLOADS = 14;

  private static final int WARM_UP_READS = 300;
  private static final String BUCKET = "bench";

  public static void main(String[] args) throws Exception {
    int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int uploads = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int reads = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    Path work = Files.createTempDirectory("protohive-upload-bench-");
    Path plain = work.resolve("plain.bin");
    writeRandom(plain, (long) mebibytes * MIB);
    long size = Files.size(plain);
    long middle = size / 2 - MIB / 2;
    DataKey dataKey = DataKey.generate();

    Path diskRoot = Files.createDirectories(work.resolve("store"));
    Path copies = Files.createDirectories(work.resolve("copies"));
    DiskFileStore disk = new DiskFileStore(diskRoot);
    log("disk, %d MiB, %d uploads after %d of warm-up", mebibytes, uploads, WARM_UP_UPLOADS);
    long[] copy =
        time(
            uploads,
            WARM_UP_UPLOADS,
            i -> Files.copy(plain, copies.resolve("f"), StandardCopyOption.REPLACE_EXISTING));
    long[] stored = time(uploads, WARM_UP_UPLOADS, i -> disk.write("t/p/1", plain));
    long[] encrypted = time(uploads, WARM_UP_UPLOADS, i -> dataKey.encrypt(plain, disk, "t/f/1"));
    throughput("Files.copy (baseline)", size, copy, copy);
    throughput("DiskFileStore.write, unencrypted (fsync)", size, stored, copy);
    throughput("DataKey.encrypt into DiskFileStore", size, encrypted, copy);
    long[] plainRange =
        time(
            reads,
            WARM_UP_READS,
            i -> {
              try (FileChannel channel = FileChannel.open(copies.resolve("f"))) {
                ByteBuffer buffer = ByteBuffer.allocate(MIB);
                while (buffer.hasRemaining()
                    && channel.read(buffer, middle + buffer.position()) > 0) {}
              }
            });
    long[] decryptedRange =
        time(reads, WARM_UP_READS, i -> readRange(dataKey, disk, "t/f/1", middle));
    latency("1 MiB at the middle, FileChannel (baseline)", plainRange, plainRange);
    latency("1 MiB at the middle, decryptRange from disk", decryptedRange, plainRange);

    try (S3MockServer server = S3MockServer.start()) {
      S3Settings settings =
          new S3Settings(server.endpoint().toString(), "us-east-1", BUCKET, "access", "secret");
      try (S3FileStore s3 = settings.connect();
          S3Client client = settings.clientBuilder().build()) {
        log(
            "S3Mock at %s, %d MiB, %d uploads after %d of warm-up",
            server.endpoint(), mebibytes, uploads, WARM_UP_UPLOADS);
        long[] put =
            time(
                uploads,
                WARM_UP_UPLOADS,
                i ->
                    client.putObject(
                        request -> request.bucket(BUCKET).key("plain"),
                        RequestBody.fromFile(plain)));
        long[] s3Stored = time(uploads, WARM_UP_UPLOADS, i -> s3.write("t/p/1", plain));
        long[] s3Encrypted =
            time(uploads, WARM_UP_UPLOADS, i -> dataKey.encrypt(plain, s3, "t/f/1"));
        throughput("putObject of the plain file (baseline)", size, put, put);
        throughput("S3FileStore.write, unencrypted", size, s3Stored, put);
        throughput("DataKey.encrypt into S3FileStore", size, s3Encrypted, put);
        String range = "bytes=" + middle + "-" + (middle + MIB - 1);
        long[] ranged =
            time(
                reads,
                WARM_UP_READS,
                i -> {
                  try (InputStream in =
                      client.getObject(
                          request -> request.bucket(BUCKET).key("plain").range(range))) {
                    in.transferTo(OutputStream.nullOutputStream());
                  }
                });
        long[] s3Decrypted =
            time(reads, WARM_UP_READS, i -> readRange(dataKey, s3, "t/f/1", middle));
        latency("1 MiB at the middle, getObject with Range (baseline)", ranged, ranged);
        latency("1 MiB at the middle, decryptRange from S3", s3Decrypted, ranged);
      }
    }
    deleteTree(work);
  }

  private static void readRange(DataKey dataKey, FileStore store, String key, long offset)
      throws IOException {
    try (InputStream in = dataKey.decryptRange(store, key, offset, MIB)) {
      if (in.transferTo(OutputStream.nullOutputStream()) != MIB) {
        throw new IllegalStateException("short range read");
      }
    }
  }

  private interface Step {
    void run(int index) throws IOException;
  }

  private static long[] time(int count, int warmUp, Step step) throws IOException {
    long[] nanos = new long[count];
    for (int i = 0; i < warmUp + count; i++) {
      long start = System.nanoTime();
      step.run(i);
      if (i >= warmUp) {
        nanos[i - warmUp] = System.nanoTime() - start;
      }
    }
    return nanos;
  }

  private static void throughput(String what, long bytes, long[] nanos, long[] baseline) {
    double median = percentile(nanos, 50);
    log(
        "%-45s median %8.1f ms  %7.1f MB/s  (%.2f x baseline time; fastest %.1f, slowest %.1f ms)",
        what,
        median,
        bytes / 1e6 / (median / 1e3),
        median / percentile(baseline, 50),
        percentile(nanos, 0),
        percentile(nanos, 100));
  }

  private static void latency(String what, long[] nanos, long[] baseline) {
    log(
        "%-55s p50 %7.2f ms (%.1f x baseline)  p99 %7.2f ms",
        what,
        percentile(nanos, 50),
        percentile(nanos, 50) / percentile(baseline, 50),
        percentile(nanos, 99));
  }

  private static double percentile(long[] nanos, double percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1] / 1e6;
  }

  /** Random bytes: encryption and any compression on the way see nothing to shrink. */
  private static void writeRandom(Path file, long bytes) throws IOException {
    Random random = new Random(20261206L);
    byte[] block = new byte[MIB];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < bytes; written += block.length) {
        random.nextBytes(block);
        out.write(block, 0, (int) Math.min(block.length, bytes - written));
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void log(String format, Object... arguments) {
    System.out.println(String.format(format, arguments));
  }
}
