package io.protohive.pluginhost;

import java.security.cert.X509Certificate;
import java.util.List;

/** Whose signatures the host accepts on plugin bundles. */
public interface TrustPolicy {

  /** The certificates of trusted publishers; a bundle signed by one of them, or below one, runs. */
  List<X509Certificate> trustedCertificates();

  /** Whether unsigned bundles run too: a development setting, never for production. */
  boolean acceptsUnsigned();
}
