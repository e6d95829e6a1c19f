package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What /api/v1/system/info tells whom: anyone its version and status, platform admins all. */
@ExtendWith(ArquillianExtension.class)
class SystemInfoIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void anonymousCallersLearnOnlyTheVersionAndStatus() throws Exception {
    HttpResponse<String> response = Platform.get("api/v1/system/info");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode info = Platform.json(response);
    assertThat(fields(info)).containsExactlyInAnyOrder("version", "status");
    assertThat(info.get("status").asText()).isEqualTo("UP");
    assertThat(info.get("version").asText()).isNotBlank();
  }

  @Test
  void aTenantAdminLearnsNoMoreThanAnyone() throws Exception {
    JsonNode info =
        Platform.json(Platform.get("api/v1/system/info", PluginsApi.newTenantAdmin("curious")));

    assertThat(fields(info)).containsExactlyInAnyOrder("version", "status");
  }

  @Test
  void aPlatformAdminSeesEverything() throws Exception {
    JsonNode anyone = Platform.json(Platform.get("api/v1/system/info"));
    JsonNode info = Platform.json(Platform.get("api/v1/system/info", PluginsApi.platformAdmin()));

    assertThat(fields(info))
        .contains(
            "version",
            "mode",
            "installationId",
            "schemaVersion",
            "tenants",
            "plugins",
            "pluginBundles",
            "tenantsConfig");
    assertThat(info.get("version")).isEqualTo(anyone.get("version"));
    assertThat(info.get("installationId").asText())
        .isEqualTo(PlatformIT.query("select id from installation"));
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
