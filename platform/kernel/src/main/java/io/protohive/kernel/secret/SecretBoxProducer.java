package io.protohive.kernel.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the platform's secret box at start-up and hands it to every bean that injects {@link
 * SecretBox}. Dependent scope, because the box is final and not proxyable: a bean receives it when
 * it is created, which is after start-up for every bean that seals or opens secrets.
 */
@ApplicationScoped
public class SecretBoxProducer {

  private volatile SecretBox box;

  /** Loads the key: the configured one, or the one generated into {@code dataDir}. */
  public void open(Optional<String> configuredKey, Path dataDir) {
    box = SecretsKey.load(configuredKey, dataDir);
  }

  @Produces
  SecretBox secretBox() {
    SecretBox opened = box;
    if (opened == null) {
      throw new IllegalStateException("The secret box opens when the platform starts");
    }
    return opened;
  }
}
