package io.protohive.pluginhost;

import java.net.URL;

/** A bundle jar the host installs at start, by its file name and where to read it. */
public record BundleArchive(String fileName, URL url) {}
