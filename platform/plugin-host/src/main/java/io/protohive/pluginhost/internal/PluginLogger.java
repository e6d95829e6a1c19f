package io.protohive.pluginhost.internal;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** The logger a plugin gets for one call: its lines name the plugin and the tenant. */
public final class PluginLogger implements System.Logger {

  private final Logger delegate;
  private final String prefix;

  public PluginLogger(String pluginId, String tenant) {
    this.delegate = Logger.getLogger("io.protohive.plugin." + pluginId);
    this.prefix = "[" + pluginId + " tenant=" + tenant + "] ";
  }

  @Override
  public String getName() {
    return delegate.getName();
  }

  @Override
  public boolean isLoggable(System.Logger.Level level) {
    return delegate.isLoggable(toJul(level));
  }

  @Override
  public void log(System.Logger.Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    if (isLoggable(level)) {
      delegate.log(toJul(level), prefix + msg, thrown);
    }
  }

  @Override
  public void log(
      System.Logger.Level level, ResourceBundle bundle, String format, Object... params) {
    if (isLoggable(level)) {
      String message =
          params == null || params.length == 0 ? format : MessageFormat.format(format, params);
      delegate.log(toJul(level), prefix + message);
    }
  }

  @Override
  public void log(System.Logger.Level level, Supplier<String> msgSupplier) {
    if (isLoggable(level)) {
      delegate.log(toJul(level), prefix + msgSupplier.get());
    }
  }

  // System.Logger.Level, inherited, hides the java.util.logging type of the same simple name
  private static java.util.logging.Level toJul(System.Logger.Level level) {
    return switch (level) {
      case ALL -> java.util.logging.Level.ALL;
      case TRACE -> java.util.logging.Level.FINER;
      case DEBUG -> java.util.logging.Level.FINE;
      case INFO -> java.util.logging.Level.INFO;
      case WARNING -> java.util.logging.Level.WARNING;
      case ERROR -> java.util.logging.Level.SEVERE;
      case OFF -> java.util.logging.Level.OFF;
    };
  }
}
