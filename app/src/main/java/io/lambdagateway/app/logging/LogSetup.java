package io.lambdagateway.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link LogOptions} to the running Logback configuration ({@link
 * LauncherLogConfigurator}): the root level, and the encoder of its console appender ({@code
 * CONSOLE} behind {@code ASYNC}). A configuration without those appenders (a test's) keeps its own
 * format.
 */
public final class LogSetup {

  /** The text layout of log lines; switching back from JSON restores exactly this. */
  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

  private static LogFormat current = LogFormat.TEXT;

  private LogSetup() {}

  /** The gateway's per-call log lines ({@code START}/{@code END}/{@code REPORT}). */
  static final String INVOCATIONS = "io.lambdagateway.gateway.invocations";

  /**
   * Shows the gateway's per-call lines only when the root level is DEBUG or finer, as if they were
   * logged at DEBUG: for the demo, whose stderr is for people.
   */
  public static void invocationLinesAtDebug() {
    boolean debug = !root().getEffectiveLevel().isGreaterOrEqual(Level.INFO);
    logger(INVOCATIONS).setLevel(debug ? Level.INFO : Level.WARN);
  }

  static void rootLevel(Level level) {
    root().setLevel(level);
  }

  /** Switches the console's encoder; a no-op when {@code format} is already in use. */
  static synchronized void format(LogFormat format) {
    if (format == current) {
      return;
    }
    OutputStreamAppender<ILoggingEvent> console = console();
    if (console == null) {
      return;
    }
    console.stop();
    console.setEncoder(encoder(format, console.getContext()));
    console.start();
    current = format;
  }

  private static Encoder<ILoggingEvent> encoder(
      LogFormat format, ch.qos.logback.core.Context context) {
    Encoder<ILoggingEvent> encoder;
    if (format == LogFormat.JSON) {
      encoder = jsonEncoder();
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setPattern(TEXT_PATTERN);
      encoder = text;
    }
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }

  /**
   * One object per line with the message formatted (the default writes the {@code {}} template and
   * its arguments apart) and without the logger context, which is the same on every line.
   */
  private static JsonEncoder jsonEncoder() {
    JsonEncoder json = new JsonEncoder();
    json.setWithFormattedMessage(true);
    json.setWithMessage(false);
    json.setWithArguments(false);
    json.setWithContext(false);
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    return json;
  }

  private static OutputStreamAppender<ILoggingEvent> console() {
    Appender<ILoggingEvent> async = root().getAppender(LauncherLogConfigurator.ASYNC);
    if (async instanceof PolledAsyncAppender polled
        && polled.appender() instanceof OutputStreamAppender<ILoggingEvent> console) {
      return console;
    }
    return null;
  }

  private static Logger root() {
    return logger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static Logger logger(String name) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    return context.getLogger(name);
  }
}
