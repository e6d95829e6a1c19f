package io.protohive.kernel.file;

import java.time.Instant;
import java.util.UUID;

/** One version of a file's bytes. */
public record FileVersionView(
    UUID fileId,
    int version,
    String contentType,
    long sizeBytes,
    String sha256,
    UUID createdBy,
    Instant createdAt) {}
