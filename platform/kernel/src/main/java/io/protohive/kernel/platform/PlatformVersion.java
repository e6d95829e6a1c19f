package io.protohive.kernel.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version this build of the platform was released as. */
public final class PlatformVersion {

  private static final String CURRENT = load();

  private PlatformVersion() {}

  public static String current() {
    return CURRENT;
  }

  private static String load() {
    try (InputStream in = PlatformVersion.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
