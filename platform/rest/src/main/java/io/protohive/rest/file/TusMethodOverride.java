package io.protohive.rest.file;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * tus lets a client that cannot send PATCH or DELETE (Java's own HTTP client among them) send POST
 * with {@code X-HTTP-Method-Override}; honoured on an upload's address only, where the protocol
 * asks for it, and nowhere else in the API.
 */
@Provider
@PreMatching
public class TusMethodOverride implements ContainerRequestFilter {

  static final String HEADER = "X-HTTP-Method-Override";

  private static final Pattern UPLOAD = Pattern.compile("/?uploads/[^/]+/?");
  private static final Set<String> OVERRIDES = Set.of(HttpMethod.PATCH, HttpMethod.DELETE);

  @Override
  public void filter(ContainerRequestContext request) {
    String override = request.getHeaderString(HEADER);
    if (override != null
        && request.getMethod().equals(HttpMethod.POST)
        && OVERRIDES.contains(override.strip().toUpperCase(Locale.ROOT))
        && UPLOAD.matcher(request.getUriInfo().getPath()).matches()) {
      request.setMethod(override.strip().toUpperCase(Locale.ROOT));
    }
  }
}
