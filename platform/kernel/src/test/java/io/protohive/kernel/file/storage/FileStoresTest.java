package io.protohive.kernel.file.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FileStoresTest {

  private final FileStorageSettings settings = new FileStorageSettings();
  private final FileStores stores = new FileStores();

  @BeforeEach
  void configureNoObjectStore() {
    settings.defaultStore = "disk";
    settings.s3Endpoint = Optional.empty();
    settings.s3Region = "us-east-1";
    settings.s3Bucket = "protohive-files";
    settings.s3AccessKey = Optional.empty();
    settings.s3SecretKey = Optional.empty();
    stores.settings = settings;
  }

  @Test
  void theObjectStoreIsRefusedWhileNoEndpointIsConfigured() {
    assertThat(stores.s3Configured()).isFalse();
    assertThatThrownBy(() -> stores.store("s3"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("protohive.files.s3.endpoint");
  }

  @Test
  void theObjectStoreIsNoDefaultWhileNoEndpointIsConfigured() {
    settings.defaultStore = "S3";

    assertThatThrownBy(stores::defaultName)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("protohive.files.s3.endpoint");
  }

  @Test
  void theDefaultIsTheConfiguredStore() {
    assertThat(stores.defaultName()).isEqualTo("disk");

    settings.s3Endpoint = Optional.of("http://127.0.0.1:9000");
    settings.defaultStore = "s3";

    assertThat(stores.s3Configured()).isTrue();
    assertThat(stores.defaultName()).isEqualTo("s3");
  }

  @Test
  void anUnknownStoreIsRefused() {
    settings.defaultStore = "ftp";

    assertThatThrownBy(() -> stores.store("ftp")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(stores::defaultName).hasMessageContaining("disk or s3");
  }

  @Test
  void settingsShowNoSecret() {
    settings.s3Endpoint = Optional.of("http://127.0.0.1:9000");
    settings.s3SecretKey = Optional.of("very-secret");

    assertThat(settings.s3()).get().asString().doesNotContain("very-secret");
  }
}
