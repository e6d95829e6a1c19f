package io.protohive.kernel.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's traces (OpenTelemetry): a span for every request, every job (an agent's run is its
 * turn's job), every model call and every tool call, the calls as children of the work they were
 * made for, so one agent run is one trace. Model and tool calls carry the GenAI semantic
 * conventions' attributes: operation, provider, model, tokens, and the call's cost. Each database
 * transaction and hot read a request or job makes is its child too.
 *
 * <p>Spans are exported over OTLP/HTTP to {@code protohive.otel.endpoint} in batches, off the
 * threads that made them; without an endpoint they are made and dropped, so every request and job
 * still has a trace id for its log lines. An endpoint that does not answer costs dropped spans
 * only: the queue is bounded and the exporter gives up after its timeout.
 */
@ApplicationScoped
public class PlatformTraces {

  private static final Logger LOG = Logger.getLogger(PlatformTraces.class.getName());

  private static final AttributeKey<String> OPERATION =
      AttributeKey.stringKey("gen_ai.operation.name");
  private static final AttributeKey<String> PROVIDER =
      AttributeKey.stringKey("gen_ai.provider.name");
  private static final AttributeKey<String> MODEL = AttributeKey.stringKey("gen_ai.request.model");
  private static final AttributeKey<Long> INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");
  private static final AttributeKey<Long> OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  private static final AttributeKey<Long> COST_MICROS =
      AttributeKey.longKey("protohive.cost.micros");
  private static final AttributeKey<Long> FIRST_TOKEN_MILLIS =
      AttributeKey.longKey("protohive.first_token.ms");
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("protohive.outcome");
  private static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  private static final AttributeKey<String> TOOL_SOURCE =
      AttributeKey.stringKey("protohive.tool.source");
  private static final AttributeKey<String> AGENT_ID = AttributeKey.stringKey("gen_ai.agent.id");
  private static final AttributeKey<String> AGENT_NAME =
      AttributeKey.stringKey("gen_ai.agent.name");
  private static final AttributeKey<String> CONVERSATION_ID =
      AttributeKey.stringKey("gen_ai.conversation.id");
  private static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("protohive.run.id");
  private static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("protohive.task.id");
  private static final AttributeKey<String> JOB_KIND = AttributeKey.stringKey("protohive.job.kind");
  private static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("protohive.job.id");
  private static final AttributeKey<String> TENANT_ID =
      AttributeKey.stringKey("protohive.tenant.id");
  private static final AttributeKey<String> HTTP_METHOD =
      AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<Long> HTTP_STATUS =
      AttributeKey.longKey("http.response.status_code");

  private static final String TRACEPARENT = "traceparent";

  private static final TextMapGetter<Function<String, String>> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> carrier) {
          return List.of();
        }

        @Override
        public String get(Function<String, String> carrier, String key) {
          return carrier == null ? null : carrier.apply(key);
        }
      };

  @Inject
  @ConfigProperty(name = "protohive.otel.endpoint")
  Optional<String> endpoint;

  @Inject
  @ConfigProperty(name = "protohive.otel.service-name", defaultValue = "protohive")
  String serviceName;

  @Inject
  @ConfigProperty(name = "protohive.otel.export-interval", defaultValue = "PT5S")
  Duration exportInterval;

  @Inject
  @ConfigProperty(name = "protohive.otel.export-timeout", defaultValue = "PT10S")
  Duration exportTimeout;

  private SdkTracerProvider provider;
  private Tracer tracer;
  private boolean exporting;

  @PostConstruct
  void start() {
    SdkTracerProviderBuilder builder =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(AttributeKey.stringKey("service.name"), serviceName))));
    endpoint
        .filter(url -> !url.isBlank())
        .ifPresentOrElse(
            url -> {
              builder.addSpanProcessor(
                  BatchSpanProcessor.builder(
                          OtlpHttpSpanExporter.builder()
                              .setEndpoint(url)
                              .setTimeout(exportTimeout)
                              .build())
                      .setScheduleDelay(exportInterval)
                      .build());
              exporting = true;
              LOG.info("Traces are exported to " + url);
            },
            // a provider without a processor makes no spans at all, only invalid ids
            () -> builder.addSpanProcessor(new DroppedSpans()));
    provider = builder.build();
    tracer = provider.get("io.protohive");
  }

  /**
   * The tracer of the database's spans, one for each transaction and each hot read, which the
   * database scope makes without knowing this package. They are worth their cost only to someone
   * who sees them: without an endpoint, this tracer makes none.
   */
  @Produces
  @Named("protohive.database")
  Tracer databaseTracer() {
    return exporting ? tracer : TracerProvider.noop().get("io.protohive");
  }

  @PreDestroy
  void stop() {
    provider.shutdown().join(5, TimeUnit.SECONDS);
  }

  /**
   * A request's span, current on this thread until the work is closed; its parent is the caller's
   * {@code traceparent}, when it sent one.
   */
  public Work request(String method, String path, Function<String, String> header) {
    Context parent =
        W3CTraceContextPropagator.getInstance().extract(Context.root(), header, HEADERS);
    Span span =
        tracer
            .spanBuilder(method)
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute(HTTP_METHOD, method)
            .setAttribute(URL_PATH, path)
            .startSpan();
    return new Work(span);
  }

  /**
   * A job's span, the root of its own trace, current on this thread until detached; linked to the
   * span that queued the job.
   *
   * @param cause what {@link #cause()} said when the job was queued, {@code null} for nothing
   */
  public Work job(String kind, UUID jobId, UUID tenantId, String cause) {
    SpanBuilder builder =
        tracer
            .spanBuilder(kind)
            .setNoParent()
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(JOB_KIND, kind)
            .setAttribute(JOB_ID, jobId.toString())
            .setAttribute(TENANT_ID, tenantId == null ? "" : tenantId.toString());
    if (cause != null) {
      SpanContext queuedBy =
          Span.fromContext(
                  W3CTraceContextPropagator.getInstance()
                      .extract(Context.root(), Map.of(TRACEPARENT, cause)::get, HEADERS))
              .getSpanContext();
      if (queuedBy.isValid()) {
        builder.addLink(queuedBy);
      }
    }
    return new Work(builder.startSpan());
  }

  /**
   * The current span as a W3C {@code traceparent}, for work queued now to link back to; {@code
   * null} outside any span.
   */
  public static String cause() {
    Map<String, String> carrier = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /** Names the current request's span by its route, {@code GET /api/v1/agents/{id}}. */
  public void route(String method, String template) {
    Span.current().updateName(method + " " + template).setAttribute(HTTP_ROUTE, template);
  }

  /** Marks the current span as an agent's turn in a conversation, named after the agent. */
  public void agentRun(UUID runId, UUID agentId, String agentName, UUID conversationId) {
    invokeAgent(agentId, agentName)
        .setAttribute(RUN_ID, runId.toString())
        .setAttribute(CONVERSATION_ID, conversationId.toString());
  }

  /** Marks the current span as an agent's work on a task, named after the agent. */
  public void agentTask(UUID taskId, UUID agentId, String agentName) {
    invokeAgent(agentId, agentName).setAttribute(TASK_ID, taskId.toString());
  }

  private static Span invokeAgent(UUID agentId, String agentName) {
    return Span.current()
        .updateName("invoke_agent " + agentName)
        .setAttribute(OPERATION, "invoke_agent")
        .setAttribute(AGENT_ID, agentId.toString())
        .setAttribute(AGENT_NAME, agentName);
  }

  /**
   * A model call that just ended, as a child of the current span.
   *
   * @param operation {@code chat} or {@code embeddings}
   * @param firstToken when a streamed answer's first token came, or null
   */
  public void modelCall(
      String operation,
      String provider,
      String model,
      String outcome,
      long inputTokens,
      long outputTokens,
      long costMicros,
      Duration took,
      Duration firstToken) {
    Instant end = Instant.now();
    Span span =
        tracer
            .spanBuilder(operation + " " + model)
            .setSpanKind(SpanKind.CLIENT)
            .setStartTimestamp(end.minus(took))
            .setAttribute(OPERATION, operation)
            .setAttribute(PROVIDER, provider)
            .setAttribute(MODEL, model)
            .setAttribute(INPUT_TOKENS, inputTokens)
            .setAttribute(OUTPUT_TOKENS, outputTokens)
            .setAttribute(COST_MICROS, costMicros)
            .setAttribute(OUTCOME, outcome)
            .startSpan();
    if (firstToken != null) {
      span.setAttribute(FIRST_TOKEN_MILLIS, firstToken.toMillis());
    }
    if (!"OK".equals(outcome)) {
      span.setStatus(StatusCode.ERROR, outcome);
    }
    span.end(end);
  }

  /** A tool call that just ended, as a child of the current span. */
  public void toolCall(String source, String tool, String status, Duration took) {
    Instant end = Instant.now();
    Span span =
        tracer
            .spanBuilder("execute_tool " + tool)
            .setSpanKind(SpanKind.INTERNAL)
            .setStartTimestamp(end.minus(took))
            .setAttribute(OPERATION, "execute_tool")
            .setAttribute(TOOL_NAME, tool)
            .setAttribute(TOOL_SOURCE, source)
            .setAttribute(OUTCOME, status)
            .startSpan();
    if (!"OK".equals(status)) {
      span.setStatus(StatusCode.ERROR, status);
    }
    span.end(end);
  }

  /** The function, run in the span current now, on whichever thread runs it later. */
  public static <T, R> Function<T, R> carrying(Function<T, R> function) {
    return Context.current().wrapFunction(function);
  }

  /** The function, run in the span current now, on whichever thread runs it later. */
  public static <T, U, R> BiFunction<T, U, R> carrying(BiFunction<T, U, R> function) {
    return Context.current().wrapFunction(function);
  }

  /** The supplier, run in the span current now, on whichever thread runs it later. */
  public static <T> Supplier<T> carrying(Supplier<T> supplier) {
    return Context.current().wrapSupplier(supplier);
  }

  /**
   * A span of work, current on the thread that started it until {@link #detach()}: the work's own
   * spans, and those it hands on with {@link #carrying}, are its children.
   */
  public static final class Work implements AutoCloseable {

    private final Span span;
    private io.opentelemetry.context.Scope scope;

    private Work(Span span) {
      this.span = span;
      this.scope = span.makeCurrent();
    }

    public String traceId() {
      return span.getSpanContext().getTraceId();
    }

    public String spanId() {
      return span.getSpanContext().getSpanId();
    }

    /** The answer's HTTP status; a server error marks the span failed. */
    public void status(int status) {
      span.setAttribute(HTTP_STATUS, (long) status);
      if (status >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
    }

    public void failed(Throwable error) {
      span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
    }

    /** No longer current on this thread; the span goes on until {@link #end()}. */
    public void detach() {
      if (scope != null) {
        scope.close();
        scope = null;
      }
    }

    public void end() {
      span.end();
    }

    /** Detaches and ends the span. */
    @Override
    public void close() {
      detach();
      end();
    }
  }
}
