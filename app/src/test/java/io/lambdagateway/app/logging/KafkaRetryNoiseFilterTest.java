package io.lambdagateway.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KafkaRetryNoiseFilter")
class KafkaRetryNoiseFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final KafkaRetryNoiseFilter filter = new KafkaRetryNoiseFilter();

  @Test
  @DisplayName("drops NetworkClient's per-retry and already-closed warnings, nothing else")
  void decide() {
    assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, RETRY))
        .isEqualTo(FilterReply.DENY);
    assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, CLOSED))
        .isEqualTo(FilterReply.DENY);
    assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, METADATA))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.ERROR, RETRY))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide("io.lambdagateway.pipeline.KafkaWatch", Level.WARN, RETRY))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  private static final String RETRY =
      "{}Connection to node {} ({}) could not be established. Node may not be available.";
  private static final String CLOSED =
      "{}Attempting to close NetworkClient that has already been closed.";
  private static final String METADATA =
      "{}Error while fetching metadata with correlation id {} : {}";

  private FilterReply decide(String logger, Level level, String format) {
    return filter.decide(null, context.getLogger(logger), level, format, null, null);
  }
}
