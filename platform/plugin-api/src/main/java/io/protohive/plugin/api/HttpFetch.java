package io.protohive.plugin.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for {@link HostHttp#fetch}: the host sends it and follows its redirects, each hop
 * checked like the first, reads at most {@link #maxBytes()} of the body and gives up at {@link
 * #timeout()} or the call's deadline, whichever comes first.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.3
 */
public final class HttpFetch {

  /** How many redirects a fetch follows unless told otherwise. */
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  private final String method;
  private final URI uri;
  private final Map<String, String> headers;
  private final String body;
  private final String contentType;
  private final List<HostPattern> allowedHosts;
  private final int maxBytes;
  private final Duration timeout;
  private final int maxRedirects;

  private HttpFetch(Builder builder) {
    this.method = builder.method;
    this.uri = builder.uri;
    this.headers = Map.copyOf(builder.headers);
    this.body = builder.body;
    this.contentType = builder.contentType;
    this.allowedHosts = builder.allowedHosts == null ? null : List.copyOf(builder.allowedHosts);
    this.maxBytes = builder.maxBytes;
    this.timeout = builder.timeout;
    this.maxRedirects = builder.maxRedirects;
  }

  /** A GET of the URL. */
  public static Builder get(URI uri) {
    return new Builder("GET", uri, null, null);
  }

  /** A POST of the body, of the given media type, to the URL. */
  public static Builder post(URI uri, String body, String contentType) {
    return new Builder(
        "POST",
        uri,
        Objects.requireNonNull(body, "body"),
        Objects.requireNonNull(contentType, "contentType"));
  }

  /** {@code GET} or {@code POST}. */
  public String method() {
    return method;
  }

  public URI uri() {
    return uri;
  }

  /** The request headers; they go along on a redirect only to the same origin. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The body to send, empty for none. */
  public Optional<String> body() {
    return Optional.ofNullable(body);
  }

  /** The body's media type, empty without a body. */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /**
   * The hosts this fetch may reach, on top of what the plugin declares, checked on every hop before
   * the name is resolved: typically a tenant's allow-list. Empty for no further limit.
   */
  public Optional<List<HostPattern>> allowedHosts() {
    return Optional.ofNullable(allowedHosts);
  }

  /** How many bytes of the body are read; the rest is not received. */
  public int maxBytes() {
    return maxBytes;
  }

  /** How long each hop may take; never longer than the call's deadline. */
  public Duration timeout() {
    return timeout;
  }

  public int maxRedirects() {
    return maxRedirects;
  }

  /** Builds a fetch; defaults: no allow-list, 1 MiB, 10 seconds, 5 redirects. */
  public static final class Builder {
    private final String method;
    private final URI uri;
    private final String body;
    private final String contentType;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private List<HostPattern> allowedHosts;
    private int maxBytes = 1_048_576;
    private Duration timeout = Duration.ofSeconds(10);
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;

    private Builder(String method, URI uri, String body, String contentType) {
      this.method = method;
      this.uri = Objects.requireNonNull(uri, "uri");
      this.body = body;
      this.contentType = contentType;
    }

    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder headers(Map<String, String> values) {
      values.forEach(this::header);
      return this;
    }

    public Builder allowedHosts(List<HostPattern> patterns) {
      this.allowedHosts = List.copyOf(patterns);
      return this;
    }

    public Builder maxBytes(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxBytes must be positive");
      }
      this.maxBytes = bytes;
      return this;
    }

    public Builder timeout(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = value;
      return this;
    }

    public Builder maxRedirects(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("maxRedirects must not be negative");
      }
      this.maxRedirects = count;
      return this;
    }

    public HttpFetch build() {
      return new HttpFetch(this);
    }
  }

  /**
   * The final response of a fetch, after any redirects.
   *
   * @param status the HTTP status code
   * @param uri where the response came from, the last redirect's target
   * @param headers all response headers; some, such as {@code Set-Cookie}, carry credentials
   * @param body the body, or its first {@link HttpFetch#maxBytes()} bytes
   * @param truncated whether the server had more to send
   */
  public record Response(int status, URI uri, HttpHeaders headers, byte[] body, boolean truncated) {

    public Response {
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    /** The body as text, in the charset the content type names, UTF-8 when it names none. */
    public String text() {
      return new String(body, charset());
    }

    /** The media type without parameters, in lower case; empty when the server sent none. */
    public String mediaType() {
      return headers
          .firstValue("content-type")
          .map(type -> type.split(";")[0].trim().toLowerCase(Locale.ROOT))
          .orElse("");
    }

    private Charset charset() {
      Optional<String> name =
          headers
              .firstValue("content-type")
              .flatMap(
                  type -> {
                    int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
                    return at < 0
                        ? Optional.empty()
                        : Optional.of(
                            type.substring(at + 8).split(";")[0].replace("\"", "").trim());
                  });
      try {
        return name.map(Charset::forName).orElse(StandardCharsets.UTF_8);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        return StandardCharsets.UTF_8;
      }
    }
  }

  /**
   * A fetch that was sent but could not complete: no answer in time, an unreachable host, too many
   * redirects, a cancelled call. The message names hosts, never URLs, headers or bodies, so a tool
   * may show it to the model and log it.
   */
  public static final class Failed extends IOException {

    private static final long serialVersionUID = 1L;

    public Failed(String reason) {
      super(reason);
    }
  }
}
