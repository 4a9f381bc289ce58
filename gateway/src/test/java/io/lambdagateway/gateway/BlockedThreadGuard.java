package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test when Vert.x reported a blocked event loop during it. Vert.x logs those warnings
 * through SLF4J under {@value #CHECKER}; {@link TestGateway} lowers the threshold to {@link
 * TestGateway#MAX_EVENT_LOOP_MILLIS} ms so that even short stalls count.
 */
public final class BlockedThreadGuard implements BeforeEachCallback, AfterEachCallback {

  static final String CHECKER = "io.vertx.core.impl.BlockedThreadChecker";

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @Override
  public void beforeEach(ExtensionContext context) {
    appender.list.clear();
    appender.start();
    checkerLogger().addAppender(appender);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    checkerLogger().detachAppender(appender);
    assertThat(appender.list)
        .as("Vert.x blocked-thread warnings (an event loop was blocked)")
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
  }

  private static Logger checkerLogger() {
    return (Logger) LoggerFactory.getLogger(CHECKER);
  }
}
