package io.protohive.kernel.file.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where files' bytes go, read through MicroProfile Config as {@link
 * io.protohive.kernel.platform.PlatformSettings} is: the default store, and the S3-compatible
 * object store when one is configured ({@code PROTOHIVE_FILES_S3_ENDPOINT} and so on).
 */
@ApplicationScoped
public class FileStorageSettings {

  @Inject
  @ConfigProperty(name = "protohive.files.store", defaultValue = DiskFileStore.NAME)
  String defaultStore;

  @Inject
  @ConfigProperty(name = "protohive.files.s3.endpoint")
  Optional<String> s3Endpoint;

  @Inject
  @ConfigProperty(name = "protohive.files.s3.region", defaultValue = "us-east-1")
  String s3Region;

  @Inject
  @ConfigProperty(name = "protohive.files.s3.bucket", defaultValue = "protohive-files")
  String s3Bucket;

  @Inject
  @ConfigProperty(name = "protohive.files.s3.access-key")
  Optional<String> s3AccessKey;

  @Inject
  @ConfigProperty(name = "protohive.files.s3.secret-key")
  Optional<String> s3SecretKey;

  /** The store new files go to unless their tenant names another: {@code disk} or {@code s3}. */
  public String defaultStore() {
    return defaultStore.strip().toLowerCase(Locale.ROOT);
  }

  /** The object store, when an endpoint is configured. */
  public Optional<S3Settings> s3() {
    return s3Endpoint
        .filter(endpoint -> !endpoint.isBlank())
        .map(
            endpoint ->
                new S3Settings(
                    endpoint.strip(),
                    s3Region,
                    s3Bucket,
                    s3AccessKey.orElse(""),
                    s3SecretKey.orElse("")));
  }
}
