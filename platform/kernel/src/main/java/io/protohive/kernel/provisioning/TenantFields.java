package io.protohive.kernel.provisioning;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a tenant's slug and sign-up domains look like, whether a tenants-config file or a platform
 * admin gives them.
 */
final class TenantFields {

  /** Also the shape of identity provider and template ids. */
  static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  private static final Pattern DOMAIN =
      Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}");

  private TenantFields() {}

  /** The domain trimmed and in lower case, or empty when it is not a domain name. */
  static Optional<String> domain(String given) {
    String normalized = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
    return DOMAIN.matcher(normalized).matches() ? Optional.of(normalized) : Optional.empty();
  }
}
