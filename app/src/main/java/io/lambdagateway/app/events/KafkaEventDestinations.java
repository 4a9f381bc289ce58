package io.lambdagateway.app.events;

import io.lambdagateway.gateway.platform.EventDestination;
import io.lambdagateway.gateway.platform.EventDestinationProvider;
import io.vertx.core.Vertx;
import java.net.URI;

/**
 * Opens {@code kafka://HOST:PORT[,HOST:PORT]/TOPIC} on-failure destinations for the gateway (the
 * gateway module does not depend on Kafka; it finds this class with {@link
 * java.util.ServiceLoader}). Plaintext connections only.
 */
public final class KafkaEventDestinations implements EventDestinationProvider {

  @Override
  public String scheme() {
    return "kafka";
  }

  @Override
  public EventDestination open(Vertx vertx, URI target) {
    String servers = target.getAuthority();
    String topic = target.getPath() == null ? "" : target.getPath().replaceFirst("^/", "");
    if (servers == null || servers.isBlank() || topic.isBlank() || topic.contains("/")) {
      throw new IllegalArgumentException(
          "a Kafka on-failure destination is kafka://HOST:PORT[,HOST:PORT]/TOPIC, not " + target);
    }
    return new KafkaEventDestination(vertx, servers, topic);
  }
}
