package io.protohive.pluginhost.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends the OSGi framework's own log to java.util.logging, and so to the server's log. */
public final class FelixLogBridge extends org.apache.felix.framework.Logger {

  private static final Logger LOG = Logger.getLogger("io.protohive.pluginhost.felix");

  public FelixLogBridge() {
    setLogLevel(LOG_INFO);
  }

  @Override
  protected void doLog(int level, String message, Throwable throwable) {
    LOG.log(toJul(level), message, throwable);
  }

  private static Level toJul(int level) {
    return switch (level) {
      case LOG_ERROR -> Level.SEVERE;
      case LOG_WARNING -> Level.WARNING;
      case LOG_INFO -> Level.INFO;
      default -> Level.FINE;
    };
  }
}
