#!/usr/bin/env bash
# File uploads as the platform stores them (encrypted with a data key, then written to the store)
# to a folder on disk and to S3Mock on loopback, against Files.copy and a plain putObject of the
# same bytes; then 1 MiB read from the middle, decrypted, against the same range read plainly.
# Temporary files go to java.io.tmpdir; S3Mock runs in a JVM of its own. About 2 minutes.
# Usage: bench/file-upload.sh [file size in MiB] [uploads per row] [ranged reads per row]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -B -q -Pbench package -pl bench/jmh -am -DskipTests
java -cp bench/jmh/target/benchmarks.jar io.protohive.kernel.file.storage.UploadBench \
  "${1:-64}" "${2:-5}" "${3:-100}"
