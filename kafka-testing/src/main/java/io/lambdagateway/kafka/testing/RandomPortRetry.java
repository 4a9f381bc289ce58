package io.lambdagateway.kafka.testing;

import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a broker again on fresh random ports when a start fails. It exists because a free port is
 * only probed, not held: another process may take it between the probe and the broker's bind. A
 * port the caller fixed gets a single attempt, since retrying it would only fail the same way.
 */
final class RandomPortRetry {

  private static final Logger LOG = LoggerFactory.getLogger(RandomPortRetry.class);

  /** Attempts with fresh random ports. */
  private static final int RANDOM_PORT_ATTEMPTS = 3;

  private RandomPortRetry() {}

  /**
   * Calls {@code startOn} with {@code port}, or with a fresh free loopback port per attempt when
   * {@code port} is 0, until it returns.
   *
   * @throws RuntimeException the last attempt's failure
   */
  static <T> T start(int port, IntFunction<T> startOn) {
    int attempts = port == 0 ? RANDOM_PORT_ATTEMPTS : 1;
    RuntimeException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return startOn.apply(port == 0 ? BrokerPorts.freeLoopbackPort() : port);
      } catch (RuntimeException e) {
        last = e;
        LOG.warn("Kafka broker start attempt {} of {} failed: {}", attempt, attempts, e.toString());
      }
    }
    throw last;
  }
}
