package io.lambdagateway.gateway.platform;

import io.vertx.core.Vertx;
import java.net.URI;

/**
 * Opens on-failure destinations of one URI scheme that the gateway module does not know itself (the
 * application registers a Kafka one), found with {@link java.util.ServiceLoader}.
 */
public interface EventDestinationProvider {

  /** The URI scheme this provider opens, e.g. {@code kafka}. */
  String scheme();

  /**
   * Opens the destination {@code target} names; blocking is allowed (called at start-up).
   *
   * @throws IllegalArgumentException with one line when {@code target} is not usable
   */
  EventDestination open(Vertx vertx, URI target);
}
