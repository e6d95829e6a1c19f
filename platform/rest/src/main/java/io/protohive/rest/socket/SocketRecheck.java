package io.protohive.rest.socket;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often an open socket checks, between the messages it receives, that its caller may still have
 * it: account standing, token expiry and the right to each subscription.
 */
@ApplicationScoped
public class SocketRecheck {

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "protohive.socket.recheck", defaultValue = "PT2S")
  Duration interval;

  ScheduledFuture<?> every(Runnable check) {
    long millis = interval.toMillis();
    return scheduler.scheduleWithFixedDelay(check, millis, millis, TimeUnit.MILLISECONDS);
  }
}
