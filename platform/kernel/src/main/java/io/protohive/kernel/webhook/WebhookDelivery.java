package io.protohive.kernel.webhook;

import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobHandler;
import io.protohive.kernel.job.Jobs;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.secret.SecretBox;
import io.protohive.plugin.api.HostHttp.NetworkRefused;
import io.protohive.pluginhost.PluginNetwork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends one delivery to its target, as a job: each attempt is signed afresh (its timestamp is the
 * attempt's), checked against the network guard again (a name may resolve elsewhere since it was
 * given), and kept in the delivery log; an answer other than 2xx fails the attempt, and the job
 * queue tries again after its exponential backoff until the job's attempts are spent.
 */
@ApplicationScoped
public class WebhookDelivery implements JobHandler {

  static final String KIND = "webhook.delivery";
  static final String PENDING = "PENDING";
  static final String DELIVERED = "DELIVERED";
  static final String FAILED = "FAILED";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final int MAX_ERROR = 500;

  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(CONNECT_TIMEOUT)
          .build();

  @Inject WebhookStore store;
  @Inject SecretBox secrets;
  @Inject PlatformSettings settings;
  @Inject WebhookDelivery self;

  static void enqueue(Jobs jobs, UUID tenantId, UUID deliveryId) {
    jobs.enqueue(
        tenantId,
        KIND,
        Json.createObjectBuilder().add("deliveryId", deliveryId.toString()).build().toString(),
        Instant.now());
  }

  /** What an attempt sends, read in a short transaction of its own. */
  public record Message(URI target, String id, String secret, String body, int attempt) {}

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(Job job) throws Exception {
    UUID deliveryId = deliveryId(job);
    Optional<Message> next = self.next(job.tenantId(), deliveryId);
    if (next.isEmpty()) {
      return;
    }
    Message message = next.get();
    long started = System.nanoTime();
    Integer status = null;
    String error = null;
    try {
      new PluginNetwork(settings.pluginPrivateHosts()).checkAddress(message.target());
      long timestamp = Instant.now().getEpochSecond();
      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(message.target())
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/json")
                  .header("User-Agent", "ProtoHive-Webhooks")
                  .header(StandardWebhooks.ID, message.id())
                  .header(StandardWebhooks.TIMESTAMP, Long.toString(timestamp))
                  .header(
                      StandardWebhooks.SIGNATURE,
                      StandardWebhooks.sign(
                          message.secret(), message.id(), timestamp, message.body()))
                  .POST(HttpRequest.BodyPublishers.ofString(message.body()))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      if (status / 100 != 2) {
        error = "The target answered " + status + ".";
      }
    } catch (NetworkRefused e) {
      error = e.getMessage();
    } catch (IOException e) {
      error = "The target could not be reached: " + describe(e);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    self.record(job.tenantId(), deliveryId, message.attempt(), status, millis, error);
    if (error != null) {
      throw new IllegalStateException(error);
    }
  }

  @Override
  public void buried(Job job, String reason) {
    self.failed(job.tenantId(), deliveryId(job));
  }

  /**
   * The delivery's next attempt, unless it was delivered or its webhook is gone or off. Public, as
   * are the other transactions here: the container runs no interceptor on a package-private method,
   * so neither its transaction nor its tenant's scope would begin.
   */
  @Transactional
  @InTenant
  public Optional<Message> next(@TenantId UUID tenantId, UUID deliveryId) {
    return store
        .outgoing(deliveryId)
        .filter(out -> out.delivery().status().equals(PENDING) && out.target().webhook().enabled())
        .map(
            out ->
                new Message(
                    URI.create(out.target().webhook().url()),
                    out.delivery().messageId(),
                    secrets.decrypt(
                        out.target().sealedSecret(),
                        Webhooks.context(tenantId, out.target().webhook().id())),
                    out.body(),
                    out.delivery().attempts().size() + 1));
  }

  @Transactional
  @InTenant
  public void record(
      @TenantId UUID tenantId,
      UUID deliveryId,
      int attempt,
      Integer status,
      long millis,
      String error) {
    store.addAttempt(tenantId, deliveryId, attempt, status, millis, error);
    if (error == null) {
      store.status(deliveryId, DELIVERED);
    }
  }

  @Transactional
  @InTenant
  public void failed(@TenantId UUID tenantId, UUID deliveryId) {
    if (store.delivery(deliveryId).filter(d -> d.status().equals(PENDING)).isPresent()) {
      store.status(deliveryId, FAILED);
    }
  }

  private static UUID deliveryId(Job job) {
    return UUID.fromString(
        Json.createReader(new StringReader(job.payload())).readObject().getString("deliveryId"));
  }

  private static String describe(IOException e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
  }
}
