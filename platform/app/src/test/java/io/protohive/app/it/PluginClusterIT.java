package io.protohive.app.it;

import static io.protohive.app.it.PluginsApi.MISBEHAVING;
import static io.protohive.app.it.PluginsApi.MISBEHAVING_ID;
import static org.awaitility.Awaitility.await;

import io.protohive.kernel.plugin.PluginClusterSync;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HexFormat;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Another node's plugin changes reach this one: the test plays that node, writing an upload into
 * the shared database and announcing it on the cluster's topic as a Hazelcast client, and the
 * server installs, then removes, the plugin without being asked over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class PluginClusterIT {

  private static final Duration SYNC = Duration.ofSeconds(20);

  private OtherNode otherNode;
  private String[] admin;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void joinTheCluster() throws Exception {
    otherNode = new OtherNode();
    admin = PluginsApi.platformAdmin();
  }

  @AfterEach
  void leave() throws Exception {
    otherNode.close();
    PluginsApi.remove(MISBEHAVING_ID, admin);
  }

  @Test
  void aPluginUploadedOnAnotherNodeIsInstalledAndRemovedHere() throws Exception {
    storeUpload();
    announce("installed " + MISBEHAVING_ID);
    await().atMost(SYNC).until(() -> PluginsApi.installed(MISBEHAVING_ID, admin));

    PlatformIT.execute("delete from plugin_bundle where plugin_id = '" + MISBEHAVING_ID + "'");
    announce("removed " + MISBEHAVING_ID);
    await().atMost(SYNC).until(() -> !PluginsApi.installed(MISBEHAVING_ID, admin));
  }

  /**
   * Whoever joins the cluster without the secrets key cannot set the nodes installing: the
   * announcement is dropped, and the plugin waits for one from a node of the platform.
   */
  @Test
  void anAnnouncementForgedOnTheClusterInstallsNothing() throws Exception {
    storeUpload();

    otherNode.forge(PluginClusterSync.TOPIC, "another-node installed " + MISBEHAVING_ID);

    await()
        .during(Duration.ofSeconds(5))
        .atMost(SYNC)
        .until(() -> !PluginsApi.installed(MISBEHAVING_ID, admin));
    announce("installed " + MISBEHAVING_ID);
    await().atMost(SYNC).until(() -> PluginsApi.installed(MISBEHAVING_ID, admin));
  }

  /** What an upload on another node leaves in the shared database. */
  private static void storeUpload() throws Exception {
    byte[] jar = Files.readAllBytes(MISBEHAVING);
    try (Connection db = DriverManager.getConnection(Platform.EMBEDDED_DB_URL, "postgres", "");
        PreparedStatement insert =
            db.prepareStatement(
                "insert into plugin_bundle (plugin_id, version, sha256, content, uploaded_at)"
                    + " values (?, '0.1.0', ?, ?, now())")) {
      insert.setString(1, MISBEHAVING_ID);
      insert.setString(
          2, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)));
      insert.setBytes(3, jar);
      insert.executeUpdate();
    }
  }

  private void announce(String what) {
    otherNode.publish(PluginClusterSync.TOPIC, "another-node " + what);
  }
}
