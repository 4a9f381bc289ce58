package io.lambdagateway.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("LauncherLogConfigurator")
class LauncherLogConfiguratorTest {

  private final LoggerContext context = new LoggerContext();

  @AfterEach
  void stop() {
    System.clearProperty(LauncherLogConfigurator.INVOCATION_LEVEL);
    context.stop();
  }

  @Test
  @DisplayName("logs to stderr through an async appender of 8192 events")
  void asyncConsoleOnStderr() {
    LauncherLogConfigurator.configureConsole(context);

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    PolledAsyncAppender async =
        (PolledAsyncAppender) root.getAppender(LauncherLogConfigurator.ASYNC);
    assertThat(async.isStarted()).isTrue();
    assertThat(async.capacity()).isEqualTo(8192);
    ConsoleAppender<?> console = (ConsoleAppender<?>) async.appender();
    assertThat(console.getName()).isEqualTo(LauncherLogConfigurator.CONSOLE);
    assertThat(console.isStarted()).isTrue();
    assertThat(console.getTarget()).isEqualTo("System.err");
    assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern())
        .isEqualTo("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
  }

  @Test
  @DisplayName("drops Kafka's retry noise and pins Netty, Micrometer and the AWS SDK")
  void filterAndLevels() {
    LauncherLogConfigurator.configureConsole(context);

    assertThat(context.getTurboFilterList())
        .hasAtLeastOneElementOfType(KafkaRetryNoiseFilter.class);
    assertThat(context.getTurboFilterList().get(0).isStarted()).isTrue();
    assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.micrometer.core.instrument.MeterRegistry").getLevel())
        .isEqualTo(Level.ERROR);
    assertThat(context.getLogger("software.amazon.awssdk").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger(LogSetup.INVOCATIONS).getLevel()).isEqualTo(Level.INFO);
  }

  @Test
  @DisplayName("sets every logger kafka-support's kafka-logging.xml sets, at the same level")
  void kafkaLevelsAsTheFragment() throws Exception {
    LauncherLogConfigurator.configureConsole(context);

    Map<String, Level> fragment = kafkaLoggingFragment();
    assertThat(fragment).isNotEmpty();
    fragment.forEach(
        (name, level) -> assertThat(context.getLogger(name).getLevel()).as(name).isEqualTo(level));
  }

  @Test
  @DisplayName("GATEWAY_LOG_INVOCATIONS sets the level of the per-call lines")
  void invocationLevel() {
    System.setProperty(LauncherLogConfigurator.INVOCATION_LEVEL, "WARN");

    LauncherLogConfigurator.configureConsole(context);

    assertThat(context.getLogger(LogSetup.INVOCATIONS).getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  @DisplayName("stands aside, configuring nothing, when an XML configuration is on the class path")
  void xmlWins() {
    LauncherLogConfigurator configurator = new LauncherLogConfigurator();
    configurator.setContext(context);

    assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders()).isExhausted();
    assertThat(context.getTurboFilterList()).isEmpty();
  }

  private static Map<String, Level> kafkaLoggingFragment() throws Exception {
    Map<String, Level> levels = new LinkedHashMap<>();
    try (InputStream xml =
        LauncherLogConfiguratorTest.class
            .getClassLoader()
            .getResourceAsStream("io/lambdagateway/kafka/kafka-logging.xml")) {
      NodeList loggers =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(xml)
              .getElementsByTagName("logger");
      for (int i = 0; i < loggers.getLength(); i++) {
        Element logger = (Element) loggers.item(i);
        levels.put(logger.getAttribute("name"), Level.toLevel(logger.getAttribute("level")));
      }
    }
    return levels;
  }
}
