package io.protohive.app.it;

import io.protohive.s3mock.S3MockServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The S3-compatible store the test server keeps the files of tenants set to {@code s3} in: a real
 * S3Mock on the port the server is configured with, started once for every test class that needs it
 * and stopped when the run ends.
 */
final class S3Store implements BeforeAllCallback {

  private static final int PORT = Integer.parseInt(System.getProperty("it.s3.port"));

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(
            S3Store.class, key -> new Running(S3MockServer.start(PORT)), Running.class);
  }

  /** Closed by JUnit at the end of the run. */
  private record Running(S3MockServer server) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }
}
