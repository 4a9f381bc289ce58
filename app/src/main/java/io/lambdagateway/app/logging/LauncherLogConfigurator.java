package io.lambdagateway.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The launcher's Logback configuration, built in code: Logback finds it as a service ({@code
 * META-INF/services}) before it looks for XML, and reading an XML configuration (Logback's Joran
 * and the JDK's XML parser) was about a fifth of the gateway's start.
 *
 * <p>Logs go to stderr, so that stdout carries only data (the JSON lines of {@code consume} and
 * {@code demo}), through an asynchronous appender ({@link PolledAsyncAppender}) that drops rather
 * than blocks when its queue is full, so that logging never blocks an event loop. {@link
 * LogOptions} then applies the root level and the format ({@link LogSetup}). An XML configuration
 * still wins: {@code -Dlogback.configurationFile}, or a {@code logback-test.xml} / {@code
 * logback.xml} on the class path (the tests'); then this one stands aside.
 */
public final class LauncherLogConfigurator extends ContextAwareBase implements Configurator {

  static final String CONSOLE = "CONSOLE";
  static final String ASYNC = "ASYNC";
  static final int QUEUE_SIZE = 8192;

  /** Where {@code GATEWAY_LOG_INVOCATIONS} (property or environment, default INFO) applies. */
  static final String INVOCATION_LEVEL = "GATEWAY_LOG_INVOCATIONS";

  /**
   * Loggers whose level is fixed. Kafka's clients, the embedded broker and the ZooKeeper classes it
   * uses at WARN, as kafka-support's {@code kafka-logging.xml} sets them for the tests (at INFO the
   * broker prints its whole configuration; the controller warns "the metadata log appears to be
   * empty" at every fresh start). Each HTTP server instance registers the same Vert.x connection
   * gauge: Micrometer's warning about it is noise.
   */
  static final Map<String, Level> FIXED_LEVELS =
      Map.of(
          "org.apache.kafka", Level.WARN,
          "kafka", Level.WARN,
          "state.change.logger", Level.WARN,
          "org.apache.zookeeper", Level.WARN,
          "org.apache.kafka.controller.QuorumController", Level.ERROR,
          "io.netty", Level.WARN,
          "io.micrometer.core.instrument.MeterRegistry", Level.ERROR,
          "software.amazon.awssdk", Level.WARN);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (xmlConfigurationGiven()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    configureConsole(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** What {@link #configure} sets up when no XML configuration is given. */
  static void configureConsole(LoggerContext context) {
    KafkaRetryNoiseFilter noise = new KafkaRetryNoiseFilter();
    noise.setContext(context);
    noise.start();
    context.addTurboFilter(noise);
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(asyncConsole(context));
    FIXED_LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    context.getLogger(LogSetup.INVOCATIONS).setLevel(Level.toLevel(invocationLevel()));
  }

  private static PolledAsyncAppender asyncConsole(LoggerContext context) {
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(LogSetup.TEXT_PATTERN);
    text.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName(CONSOLE);
    console.setTarget("System.err");
    console.setEncoder(text);
    console.start();
    PolledAsyncAppender async =
        new PolledAsyncAppender(
            console, QUEUE_SIZE, LogSetup.INVOCATIONS, PolledAsyncAppender.POLL_MILLIS);
    async.setContext(context);
    async.setName(ASYNC);
    async.start();
    return async;
  }

  private static String invocationLevel() {
    String fromEnvironment = System.getenv(INVOCATION_LEVEL);
    return System.getProperty(INVOCATION_LEVEL, fromEnvironment == null ? "INFO" : fromEnvironment);
  }

  private boolean xmlConfigurationGiven() {
    ClassLoader loader = LauncherLogConfigurator.class.getClassLoader();
    return System.getProperty("logback.configurationFile") != null
        || loader.getResource("logback-test.xml") != null
        || loader.getResource("logback.xml") != null;
  }
}
