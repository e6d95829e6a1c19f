package io.protohive.pluginhost;

/** Where an installed plugin came from. */
public enum Origin {
  /** Shipped inside the platform. */
  BUNDLED,
  /** Dropped into this node's plugins folder. */
  FOLDER,
  /** Uploaded by an administrator, stored in the database, installed on every node. */
  UPLOADED;

  String location(String pluginId) {
    return "protohive:" + name().toLowerCase(java.util.Locale.ROOT) + "/" + pluginId;
  }
}
