package io.protohive.kernel.observability;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The platform's own metrics, which Liberty serves with its own at {@code /metrics} in Prometheus
 * text: model calls, tokens, cost and latency per provider, tool calls per plugin, open sockets,
 * and gauges of the job queue, the plugins and the cluster, read when scraped. Every metric the
 * platform adds is named here. Labels name providers, plugins, outcomes and states, never a tenant,
 * a person or an organization: whoever reads the endpoint learns nothing of a tenant's business.
 */
@ApplicationScoped
public class PlatformMetrics {

  private static final Logger LOG = Logger.getLogger(PlatformMetrics.class.getName());

  /** However many servers scrape, the job queue is read at most once in this time. */
  static final Duration QUEUE_READ_EVERY = Duration.ofSeconds(5);

  private static final Metadata MODEL_CALLS =
      metadata("protohive.llm.calls", "Model call attempts, by provider and outcome");
  private static final Metadata MODEL_TOKENS =
      metadata("protohive.llm.tokens", "Tokens the providers reported, by provider and kind");
  private static final Metadata MODEL_COST =
      metadata(
          "protohive.llm.cost.micros",
          "Cost of model calls from the price table, in millionths of its currency");
  private static final Metadata MODEL_CALL_DURATION =
      metadata("protohive.llm.call.duration", "Time a model call attempt took, by provider");
  private static final Metadata TOOL_CALLS =
      metadata("protohive.tool.calls", "Tool calls, by plugin and status");
  private static final Metadata TOOL_CALL_DURATION =
      metadata("protohive.tool.call.duration", "Time a tool call took, by plugin");
  private static final Metadata OPEN_SOCKETS =
      metadata("protohive.sockets.open", "Chat sockets open on this node");
  private static final Metadata JOBS_DUE =
      metadata("protohive.jobs.due", "Jobs due and waiting for a worker, in the whole cluster");
  private static final Metadata OLDEST_DUE_JOB =
      Metadata.builder()
          .withName("protohive.jobs.oldest.due.seconds")
          .withDescription("How long the job due the longest has waited for a worker")
          .withUnit(MetricUnits.SECONDS)
          .build();
  private static final Metadata PLUGINS =
      metadata("protohive.plugins", "Plugins installed on this node, by state");
  private static final Metadata CLUSTER_MEMBERS =
      metadata("protohive.cluster.members", "Members of the Hazelcast cluster this node sees");

  @Inject MetricRegistry registry;

  private final AtomicInteger openSockets = new AtomicInteger();

  /** What the job queue held when it was read. */
  public record JobQueueReading(long due, Duration oldestDue) {}

  @PostConstruct
  void register() {
    gauge(OPEN_SOCKETS, openSockets::get);
  }

  /**
   * One attempt of a model call through the gateway, as metering records it.
   *
   * @param outcome how it ended, as {@code llm_call.outcome} names it
   */
  public void modelCall(
      String provider,
      String outcome,
      long promptTokens,
      long completionTokens,
      long costMicros,
      Duration took) {
    Tag byProvider = new Tag("provider", provider);
    registry.counter(MODEL_CALLS, byProvider, new Tag("outcome", outcome)).inc();
    registry.counter(MODEL_TOKENS, byProvider, new Tag("kind", "prompt")).inc(promptTokens);
    registry.counter(MODEL_TOKENS, byProvider, new Tag("kind", "completion")).inc(completionTokens);
    registry.counter(MODEL_COST, byProvider).inc(costMicros);
    registry.timer(MODEL_CALL_DURATION, byProvider).update(took);
  }

  /**
   * One tool call that ended.
   *
   * @param plugin the id of the tool's plugin; {@code platform} for the platform's own tools,
   *     {@code mcp} for those of MCP servers, whose names are their tenants' business
   * @param status how it ended, as {@code ToolOutcome.Status} names it
   */
  public void toolCall(String plugin, String status, Duration took) {
    Tag byPlugin = new Tag("plugin", plugin);
    registry.counter(TOOL_CALLS, byPlugin, new Tag("status", status)).inc();
    registry.timer(TOOL_CALL_DURATION, byPlugin).update(took);
  }

  public void socketOpened() {
    openSockets.incrementAndGet();
  }

  public void socketClosed() {
    openSockets.decrementAndGet();
  }

  /**
   * Reads the job queue through {@code read} when scraped: the jobs due in the whole cluster, which
   * every node reports alike, and how long the oldest of them has waited.
   */
  public void jobQueue(Supplier<JobQueueReading> read) {
    Recent queue = new Recent(read);
    gauge(JOBS_DUE, () -> queue.value(JobQueueReading::due));
    gauge(OLDEST_DUE_JOB, () -> queue.value(reading -> reading.oldestDue().toMillis() / 1000.0));
  }

  /**
   * Counts this node's plugins by state when scraped.
   *
   * @param states every state a plugin may be in, each reported even when no plugin is in it
   * @param current the state of each installed plugin
   */
  public void plugins(Collection<String> states, Supplier<List<String>> current) {
    for (String state : states) {
      gauge(
          PLUGINS,
          () -> current.get().stream().filter(state::equals).count(),
          new Tag("state", state));
    }
  }

  /** Reads how many members the Hazelcast cluster has, as this node sees it, when scraped. */
  public void clusterMembers(IntSupplier members) {
    gauge(CLUSTER_MEMBERS, members::getAsInt);
  }

  private static Metadata metadata(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }

  /**
   * Registers a gauge in place of one that an earlier start of the platform in this server left,
   * which would read what has stopped.
   */
  private void gauge(Metadata metadata, Supplier<Number> value, Tag... tags) {
    registry.remove(new MetricID(metadata.getName(), tags));
    registry.gauge(metadata, value, tags);
  }

  /** The job queue's reading, read again once it is {@link #QUEUE_READ_EVERY} old. */
  private static final class Recent {
    private final Supplier<JobQueueReading> read;
    private JobQueueReading reading;
    private long readAt;

    Recent(Supplier<JobQueueReading> read) {
      this.read = read;
      this.readAt = System.nanoTime() - QUEUE_READ_EVERY.toNanos();
    }

    /** The value, or NaN while the queue cannot be read: the scrape keeps the other metrics. */
    synchronized double value(ToDoubleFunction<JobQueueReading> of) {
      long now = System.nanoTime();
      if (now - readAt >= QUEUE_READ_EVERY.toNanos()) {
        readAt = now;
        try {
          reading = read.get();
        } catch (RuntimeException e) {
          reading = null;
          LOG.warning("The job queue could not be read for its metrics: " + e.getMessage());
        }
      }
      return reading == null ? Double.NaN : of.applyAsDouble(reading);
    }
  }
}
