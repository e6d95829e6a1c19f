/**
 * The contract between ProtoHive and its plugins. Bundles import this package from the host; they
 * never embed it.
 */
@Export
@Version("0.1.0")
package io.protohive.plugin.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
