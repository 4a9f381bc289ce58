package io.lambdagateway.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.Marker;

/**
 * Drops two warnings of Kafka's {@code NetworkClient} that repeat without saying anything new:
 * "Connection to node ... could not be established", logged by every client at every retry while a
 * broker is away (dozens a second; the commands' start-up check and the pipeline's {@code
 * KafkaWatch} report a lost broker in one line instead, and {@code /health} says it), and
 * "Attempting to close NetworkClient that has already been closed", which the embedded broker's
 * controller channel logs at every stop. Every other Kafka warning still shows.
 */
public final class KafkaRetryNoiseFilter extends TurboFilter {

  private static final String LOGGER = "org.apache.kafka.clients.NetworkClient";
  private static final List<String> REPEATED =
      List.of(
          "could not be established. Node may not be available",
          "Attempting to close NetworkClient that has already been closed");

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.WARN || format == null || !logger.getName().equals(LOGGER)) {
      return FilterReply.NEUTRAL;
    }
    return REPEATED.stream().anyMatch(format::contains) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
