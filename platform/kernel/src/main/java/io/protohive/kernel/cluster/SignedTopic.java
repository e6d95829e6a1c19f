package io.protohive.kernel.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.protohive.kernel.secret.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Hazelcast topic whose messages are signed with the secrets key ({@link SecretBox#sign}), the
 * one way every node announces something to the others. Whoever reaches the cluster's port can join
 * it as a member or a client without any secret and publish on any topic; a message of theirs is
 * dropped here, so they can neither stop a person's agent, nor make a node synchronize its plugins
 * or drop its caches, nor put words into a person's chat.
 *
 * <p>The signature covers the topic's name, so a message is not accepted on another topic, and the
 * time it was sent: a message older than {@link #WINDOW} (or as far in the future, for clocks that
 * differ between nodes) is dropped, so a copy of one, which anyone on the cluster's network can
 * read, cannot be replayed later. The messages are not encrypted.
 */
public final class SignedTopic {

  /** How far a message's time may be from the receiver's clock. */
  static final Duration WINDOW = Duration.ofMinutes(1);

  private static final Logger LOG = Logger.getLogger(SignedTopic.class.getName());

  private final HazelcastInstance hazelcast;
  private final SecretBox secrets;
  private final String name;
  private final Clock clock;

  public SignedTopic(HazelcastInstance hazelcast, SecretBox secrets, String name) {
    this(hazelcast, secrets, name, Clock.systemUTC());
  }

  SignedTopic(HazelcastInstance hazelcast, SecretBox secrets, String name, Clock clock) {
    this.hazelcast = hazelcast;
    this.secrets = secrets;
    this.name = name;
    this.clock = clock;
  }

  /** Sends the message to every node's listeners, this node's included. */
  public void publish(String message) {
    topic().publish(secrets.sign(clock.millis() + " " + message, context()));
  }

  /**
   * Hands every message this platform signed for this topic to the receiver, on a thread of the
   * cluster's; drops the others, saying so once.
   *
   * @return the listener's id, to remove it
   */
  public UUID listen(Consumer<String> receiver) {
    AtomicBoolean told = new AtomicBoolean();
    return topic()
        .addMessageListener(
            message -> {
              Optional<String> opened = open(message.getMessageObject());
              if (opened.isPresent()) {
                receiver.accept(opened.get());
              } else {
                // never the content: it came from whoever reached the cluster
                LOG.log(
                    told.compareAndSet(false, true) ? Level.WARNING : Level.FINE,
                    () ->
                        "Dropped a message on the cluster topic "
                            + name
                            + " that this platform did not sign, or not within "
                            + WINDOW.toSeconds()
                            + " s; is a process without the secrets key in the cluster?");
              }
            });
  }

  private Optional<String> open(Object message) {
    if (!(message instanceof String)) {
      return Optional.empty();
    }
    Optional<String> value = secrets.verified((String) message, context());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    int space = value.get().indexOf(' ');
    long sent;
    try {
      sent = Long.parseLong(value.get().substring(0, space));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      return Optional.empty();
    }
    if (Math.abs(clock.millis() - sent) > WINDOW.toMillis()) {
      return Optional.empty();
    }
    return Optional.of(value.get().substring(space + 1));
  }

  private String context() {
    return "cluster-topic:" + name;
  }

  private ITopic<Object> topic() {
    return hazelcast.getTopic(name);
  }
}
