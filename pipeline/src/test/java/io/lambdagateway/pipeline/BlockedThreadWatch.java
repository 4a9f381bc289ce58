package io.lambdagateway.pipeline;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects Vert.x blocked-thread warnings, which the tests treat as failures. */
final class BlockedThreadWatch implements AutoCloseable {

  private final Logger logger =
      (Logger) LoggerFactory.getLogger("io.vertx.core.impl.BlockedThreadChecker");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  BlockedThreadWatch() {
    appender.start();
    logger.addAppender(appender);
  }

  /** The warnings seen so far. */
  List<String> warnings() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
