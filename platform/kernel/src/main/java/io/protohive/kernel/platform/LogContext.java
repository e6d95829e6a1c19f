package io.protohive.kernel.platform;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whom the work a thread does is for (the request, tenant, user, organization, job), on every log
 * line the thread writes while the work lasts: Liberty's JSON logs carry each field as {@code
 * ext_<name>}. Whoever starts the work (a request, a job) opens the scope and closes it when the
 * work ends, so a pooled thread never carries the fields into its next work; a field put outside of
 * a scope is dropped. Liberty's {@code LogRecordContext} is reached by reflection since its API jar
 * comes with the server, not from the registries the build uses; without it (in unit tests) the
 * fields go nowhere.
 */
public final class LogContext implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LogContext.class.getName());
  private static final ThreadLocal<LogContext> CURRENT = new ThreadLocal<>();
  private static final MethodHandle ADD;
  private static final MethodHandle REMOVE;

  static {
    MethodHandle add = null;
    MethodHandle remove = null;
    try {
      Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      add =
          lookup.findStatic(
              context,
              "addExtension",
              MethodType.methodType(void.class, String.class, String.class));
      remove =
          lookup.findStatic(
              context, "removeExtension", MethodType.methodType(boolean.class, String.class));
    } catch (ReflectiveOperationException | LinkageError absent) {
      LOG.log(Level.FINE, "Log records carry no context here", absent);
    }
    ADD = add;
    REMOVE = remove;
  }

  private final LogContext outer;
  private final Map<String, String> fields = new LinkedHashMap<>();

  private LogContext(LogContext outer) {
    this.outer = outer;
  }

  /** Opens a scope on this thread, within the one open already, if any. */
  public static LogContext open() {
    LogContext context = new LogContext(CURRENT.get());
    CURRENT.set(context);
    return context;
  }

  /** Adds a field to the scope open on this thread; nothing happens outside of a scope. */
  public static void put(String name, Object value) {
    LogContext context = CURRENT.get();
    if (context != null) {
      context.with(name, value);
    }
  }

  /** A field of the scope open on this thread, or {@code null} outside of a scope or without it. */
  public static String field(String name) {
    LogContext context = CURRENT.get();
    return context == null ? null : context.value(name);
  }

  /** Adds a field to this scope; a {@code null} value adds nothing. */
  public LogContext with(String name, Object value) {
    if (value != null) {
      fields.put(name, value.toString());
      add(name, value.toString());
    }
    return this;
  }

  /** Ends the scope: its fields leave the thread's log records, the outer scope's come back. */
  @Override
  public void close() {
    for (String name : fields.keySet()) {
      remove(name);
      String outerValue = outer == null ? null : outer.value(name);
      if (outerValue != null) {
        add(name, outerValue);
      }
    }
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }

  private String value(String name) {
    String own = fields.get(name);
    return own != null || outer == null ? own : outer.value(name);
  }

  private static void add(String name, String value) {
    if (ADD != null) {
      try {
        ADD.invoke(name, value);
      } catch (Throwable e) {
        throw new IllegalStateException("a log field cannot be set", e);
      }
    }
  }

  private static void remove(String name) {
    if (REMOVE != null) {
      try {
        REMOVE.invoke(name);
      } catch (Throwable e) {
        throw new IllegalStateException("a log field cannot be removed", e);
      }
    }
  }
}
