package io.protohive.app.it;

import static io.protohive.app.it.PluginsApi.MISBEHAVING;
import static io.protohive.app.it.PluginsApi.MISBEHAVING_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plugin that throws, hangs or spins costs its caller a tool error and nothing more: the call
 * answers 200 with the failure, and the server keeps serving everyone else. The IT server gives
 * tool calls two seconds.
 */
@ExtendWith(ArquillianExtension.class)
class PluginFaultIT {

  private String[] admin;
  private String[] user;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void install() throws Exception {
    admin = PluginsApi.platformAdmin();
    assertThat(PluginsApi.upload(MISBEHAVING, admin).statusCode()).isEqualTo(201);
    user = PluginsApi.newTenantAdmin("faults");
    assertThat(
            PluginsApi.configure(
                    MISBEHAVING_ID, "{\"enabled\":true,\"config\":{\"token\":\"x\"}}", user)
                .statusCode())
        .isEqualTo(200);
    assertThat(PluginsApi.configure(PluginsApi.CLOCK_ID, "{\"enabled\":true}", user).statusCode())
        .isEqualTo(200);
  }

  @AfterEach
  void remove() throws Exception {
    PluginsApi.remove(MISBEHAVING_ID, admin);
  }

  @Test
  void aToolThatThrowsIsReportedAsAFailedCall() throws Exception {
    HttpResponse<String> response = PluginsApi.invoke("misbehaving.throw", "{}", user);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode call = Platform.json(response);
    assertThat(call.get("status").asText()).isEqualTo("FAILED");
    assertThat(call.get("content").asText()).contains("this tool always fails");
    assertThat(response.body()).doesNotContain("at io.protohive").doesNotContain("Exception");
  }

  @Test
  void hangingAndSpinningToolsTimeOutWhileOtherRequestsAreServed() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<JsonNode>> stuck = new ArrayList<>();
      for (String tool : List.of("misbehaving.sleep", "misbehaving.spin", "misbehaving.sleep")) {
        stuck.add(CompletableFuture.supplyAsync(() -> call(tool, "{\"seconds\":14}"), callers));
      }
      // while the plugin's calls hang, the rest of the platform answers
      for (int i = 0; i < 5; i++) {
        assertThat(Platform.get("api/v1/me", user).statusCode()).isEqualTo(200);
        assertThat(Platform.json(PluginsApi.invoke("clock.now", "{}", user)).get("status").asText())
            .isEqualTo("OK");
      }
      for (CompletableFuture<JsonNode> call : stuck) {
        JsonNode outcome = call.get();
        assertThat(outcome.get("status").asText()).isIn("TIMED_OUT", "BUSY");
        assertThat(outcome.get("durationMillis").asLong()).isLessThan(12_000);
      }
      assertThat(stuck.stream().map(f -> f.join().get("status").asText())).contains("TIMED_OUT");
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void anAdminStopsAMisbehavingPluginAndItsToolsDisappear() throws Exception {
    HttpResponse<String> stopped =
        Platform.post("api/v1/plugins/" + MISBEHAVING_ID + "/stop", "", admin);
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
    assertThat(Platform.json(stopped).get("state").asText()).isEqualTo("RESOLVED");
    assertThat(PluginsApi.toolAvailable("misbehaving.throw", user)).isFalse();
    assertThat(PluginsApi.invoke("misbehaving.throw", "{}", user).statusCode()).isEqualTo(404);
    assertThat(Platform.post("api/v1/plugins/" + MISBEHAVING_ID + "/stop", "", user).statusCode())
        .isEqualTo(403);

    HttpResponse<String> started =
        Platform.post("api/v1/plugins/" + MISBEHAVING_ID + "/start", "", admin);
    assertThat(Platform.json(started).get("state").asText()).isEqualTo("ACTIVE");
    assertThat(PluginsApi.toolAvailable("misbehaving.throw", user)).isTrue();
  }

  private JsonNode call(String tool, String arguments) {
    try {
      HttpResponse<String> response = PluginsApi.invoke(tool, arguments, user);
      assertThat(response.statusCode()).isEqualTo(200);
      return Platform.json(response);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
