package io.protohive.kernel.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import io.protohive.kernel.file.ContentTypes;
import io.protohive.kernel.file.FileService;
import io.protohive.kernel.file.FileStatus;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobHandler;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.llm.Embeddings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Ingests a file's version for search, as a durable job: its text extracted with Tika within
 * limits, chunked along its structure, embedded with the in-process model and kept beside a
 * full-text index. A document that cannot be read ends FAILED with the reason; a file of a type
 * that holds no searchable text (an image, an archive) ends READY with a note. A failure that may
 * pass (the store, the database) is retried by the queue.
 */
@ApplicationScoped
public class FileIngestion implements JobHandler {

  /** Texts per embedding call: the model's batch. */
  private static final int BATCH = 32;

  @Inject IngestionSteps steps;
  @Inject Embeddings embeddings;
  @Resource ManagedExecutorService executor;

  private TextExtractor extractor;
  private final Chunker chunker = new Chunker();

  @PostConstruct
  void prepare() {
    extractor = new TextExtractor(executor, ExtractionLimits.DEFAULTS);
  }

  @Override
  public String kind() {
    return FileService.INGESTION;
  }

  @Override
  public void run(Job job) throws Exception {
    JsonObject payload = Json.createReader(new StringReader(job.payload())).readObject();
    UUID fileId = UUID.fromString(payload.getString("fileId"));
    int version = payload.getInt("version");
    UUID tenantId = job.tenantId();
    Optional<IngestionSteps.Source> begun = steps.begin(tenantId, fileId, version);
    if (begun.isEmpty()) {
      return;
    }
    FileView file = begun.get().file();
    if (!ContentTypes.isIngested(file.contentType())) {
      steps.settle(
          tenantId,
          fileId,
          version,
          FileStatus.READY,
          "Kept, but not searched: "
              + ExtractionFailure.UNSUPPORTED_TYPE.describe(file.contentType()));
      return;
    }
    ExtractedDocument document;
    try (InputStream in = begun.get().reader().open(0, file.sizeBytes())) {
      document = extractor.extract(in, file.name());
    } catch (ExtractionException unreadable) {
      steps.settle(
          tenantId,
          fileId,
          version,
          FileStatus.FAILED,
          capitalized(unreadable.failure().describe(unreadable.contentType())));
      return;
    }
    List<Chunk> chunks = chunker.chunk(document);
    steps.status(tenantId, fileId, version, FileStatus.EMBEDDING);
    CallScope scope = new CallScope(tenantId, file.organizationId(), null, null, null);
    List<float[]> vectors = new ArrayList<>();
    for (int from = 0; from < chunks.size(); from += BATCH) {
      List<String> texts =
          chunks.subList(from, Math.min(chunks.size(), from + BATCH)).stream()
              .map(Chunk::text)
              .toList();
      for (Embedding embedding : embeddings.embed(scope, texts)) {
        vectors.add(embedding.vector());
      }
    }
    steps.save(tenantId, file, version, chunks, vectors, document.pageCount());
  }

  @Override
  public void buried(Job job, String reason) {
    JsonObject payload = Json.createReader(new StringReader(job.payload())).readObject();
    steps.settle(
        job.tenantId(),
        UUID.fromString(payload.getString("fileId")),
        payload.getInt("version"),
        FileStatus.FAILED,
        "The file could not be read for search after several attempts; upload it again.");
  }

  private static String capitalized(String reason) {
    return Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
  }
}
