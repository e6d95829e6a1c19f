/**
 * The contract between ProtoHive and its tool plugins. Bundles import this package from the host;
 * they never embed it.
 */
@Export
@Version("1.4.0")
package io.protohive.plugin.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
