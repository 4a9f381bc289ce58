package io.lambdagateway.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops one Kafka warning, "Attempting to close NetworkClient that has already been closed": the
 * embedded broker's controller channel logs it at every stop, for a close it does twice itself.
 * Every other warning of Kafka's {@code NetworkClient} still shows.
 */
public final class ClosedNetworkClientFilter extends TurboFilter {

  private static final String LOGGER = "org.apache.kafka.clients.NetworkClient";
  private static final String MESSAGE = "Attempting to close NetworkClient that has already";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    return level == Level.WARN
            && format != null
            && logger.getName().equals(LOGGER)
            && format.contains(MESSAGE)
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
