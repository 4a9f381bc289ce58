package io.lambdagateway.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("The rate-limited log of bad requests")
class ClientErrorLogTest {

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final AtomicLong clock = new AtomicLong();
  private final ClientErrorLog log = new ClientErrorLog(10, Duration.ofMinutes(1), clock::get);

  @BeforeEach
  void capture() {
    appender.start();
    logger().addAppender(appender);
  }

  @AfterEach
  void release() {
    logger().detachAppender(appender);
  }

  @Test
  @DisplayName("1,000 bad requests in a minute write 10 lines")
  void logsAtMostTheRate() {
    for (int i = 0; i < 1000; i++) {
      log.log("bad escape " + i, "192.0.2.1");
    }

    assertThat(appender.list).hasSize(10);
    assertThat(appender.list.get(0).getFormattedMessage())
        .isEqualTo("bad request from 192.0.2.1: bad escape 0");
  }

  @Test
  @DisplayName("the first line of the next minute says how many lines were left out")
  void summarisesWhatItSuppressed() {
    for (int i = 0; i < 1000; i++) {
      log.log("bad escape", "192.0.2.1");
    }
    clock.addAndGet(Duration.ofMinutes(1).toNanos());
    log.log("bad gzip", "192.0.2.2");
    log.log("bad gzip", "192.0.2.2");

    assertThat(appender.list).hasSize(12);
    assertThat(appender.list.get(10).getFormattedMessage())
        .isEqualTo("bad request from 192.0.2.2: bad gzip (990 more bad requests were not logged)");
    assertThat(appender.list.get(11).getFormattedMessage())
        .isEqualTo("bad request from 192.0.2.2: bad gzip");
  }

  @Test
  @DisplayName("gateway failures share the rate and keep their stack trace")
  void ratesGatewayFailuresToo() {
    for (int i = 0; i < 100; i++) {
      log.error("GET /x", "192.0.2.3", new IllegalStateException("bug"));
    }

    assertThat(appender.list).hasSize(10);
    assertThat(appender.list.get(0).getThrowableProxy().getClassName())
        .isEqualTo(IllegalStateException.class.getName());
  }

  private static Logger logger() {
    return (Logger) LoggerFactory.getLogger(ClientErrorLog.class);
  }
}
