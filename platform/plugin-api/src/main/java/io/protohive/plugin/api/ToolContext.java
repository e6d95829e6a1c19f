package io.protohive.plugin.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Everything a tool call knows besides its arguments. The host creates one per call. */
public final class ToolContext {

  private final UUID tenantId;
  private final UUID organizationId;
  private final UUID agentId;
  private final UUID conversationId;
  private final Configuration configuration;
  private final System.Logger logger;
  private final Instant deadline;
  private final BooleanSupplier cancelled;
  private final HostHttp http;
  private final HostFiles files;

  private ToolContext(Builder builder) {
    this.tenantId = Objects.requireNonNull(builder.tenantId, "tenantId");
    this.organizationId = builder.organizationId;
    this.agentId = builder.agentId;
    this.conversationId = builder.conversationId;
    this.configuration = builder.configuration;
    this.logger = builder.logger;
    this.deadline = builder.deadline;
    this.cancelled = builder.cancelled;
    this.http = builder.http;
    this.files = builder.files;
  }

  public static Builder builder(UUID tenantId) {
    return new Builder(tenantId);
  }

  public UUID tenantId() {
    return tenantId;
  }

  public Optional<UUID> organizationId() {
    return Optional.ofNullable(organizationId);
  }

  public Optional<UUID> agentId() {
    return Optional.ofNullable(agentId);
  }

  public Optional<UUID> conversationId() {
    return Optional.ofNullable(conversationId);
  }

  /** The tenant's configuration of this plugin. */
  public Configuration configuration() {
    return configuration;
  }

  /** Where the plugin logs; the host adds the plugin and tenant to every line. */
  public System.Logger logger() {
    return logger;
  }

  /** When the host stops waiting for the result. */
  public Instant deadline() {
    return deadline;
  }

  /** The time left before {@link #deadline()}, never negative. */
  public Duration remaining() {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Whether the caller went away, the deadline passed or the plugin is being stopped. */
  public boolean isCancelled() {
    return cancelled.getAsBoolean() || Instant.now().isAfter(deadline);
  }

  /**
   * The HTTP client through which the plugin reaches the hosts it declares; a context built without
   * one refuses every request.
   *
   * @since 1.1
   */
  public HostHttp http() {
    return http;
  }

  /**
   * The platform's files as the person the call is made for may read them, in the call's
   * organization; a context built without them refuses every read.
   *
   * @since 1.4
   */
  public HostFiles files() {
    return files;
  }

  /** Builds a context; the host does this for every call, tests do it for theirs. */
  public static final class Builder {
    private final UUID tenantId;
    private UUID organizationId;
    private UUID agentId;
    private UUID conversationId;
    private Configuration configuration = Configuration.empty();
    private System.Logger logger = System.getLogger("io.protohive.plugin");
    private Instant deadline = Instant.now().plusSeconds(30);
    private BooleanSupplier cancelled = () -> false;
    private HostHttp http = HostHttp.refusing("No network access is offered to this call.");
    private HostFiles files = HostFiles.refusing("No files are offered to this call.");

    private Builder(UUID tenantId) {
      this.tenantId = tenantId;
    }

    public Builder organizationId(UUID id) {
      this.organizationId = id;
      return this;
    }

    public Builder agentId(UUID id) {
      this.agentId = id;
      return this;
    }

    public Builder conversationId(UUID id) {
      this.conversationId = id;
      return this;
    }

    public Builder configuration(Configuration value) {
      this.configuration = Objects.requireNonNull(value, "configuration");
      return this;
    }

    public Builder logger(System.Logger value) {
      this.logger = Objects.requireNonNull(value, "logger");
      return this;
    }

    public Builder deadline(Instant value) {
      this.deadline = Objects.requireNonNull(value, "deadline");
      return this;
    }

    public Builder cancelled(BooleanSupplier value) {
      this.cancelled = Objects.requireNonNull(value, "cancelled");
      return this;
    }

    /**
     * @since 1.1
     */
    public Builder http(HostHttp value) {
      this.http = Objects.requireNonNull(value, "http");
      return this;
    }

    /**
     * @since 1.4
     */
    public Builder files(HostFiles value) {
      this.files = Objects.requireNonNull(value, "files");
      return this;
    }

    public ToolContext build() {
      return new ToolContext(this);
    }
  }
}
