package io.lambdagateway.app.demo;

import io.lambdagateway.producer.RowsRange;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Fluent builder of {@link DemoConfig}; setters mirror the record components, unset values keep the
 * {@code DemoConfig.DEFAULT_*} defaults and the groups default per topic. A class of its own so
 * that the record holds only the values, their defaults and their validation.
 */
public final class DemoConfigBuilder {
  private String bootstrapServers;
  private int kafkaPort = DemoConfig.DEFAULT_KAFKA_PORT;
  private Map<String, String> gatewaySettings = Map.of();
  private String host = DemoConfig.DEFAULT_HOST;
  private int port = DemoConfig.DEFAULT_PORT;
  private String token = DemoConfig.DEFAULT_TOKEN;
  private String sourceTopic = DemoConfig.DEFAULT_SOURCE_TOPIC;
  private String targetTopic = DemoConfig.DEFAULT_TARGET_TOPIC;
  private String pipelineGroup;
  private String consumerGroup;
  private double rate = DemoConfig.DEFAULT_RATE;
  private long count;
  private RowsRange rows = DemoConfig.DEFAULT_ROWS;
  private long seed = DemoConfig.DEFAULT_SEED;
  private Duration duration;
  private PrintStream out = System.out;
  private PrintStream status = System.err;
  private Duration statusInterval = Duration.ofSeconds(5);

  DemoConfigBuilder() {}

  /** An existing Kafka; null or blank = the embedded broker. */
  public DemoConfigBuilder bootstrapServers(String value) {
    bootstrapServers = value == null || value.isBlank() ? null : value.trim();
    return this;
  }

  public DemoConfigBuilder kafkaPort(int value) {
    kafkaPort = value;
    return this;
  }

  public DemoConfigBuilder gatewaySettings(Map<String, String> value) {
    gatewaySettings = value;
    return this;
  }

  public DemoConfigBuilder host(String value) {
    host = value;
    return this;
  }

  public DemoConfigBuilder port(int value) {
    port = value;
    return this;
  }

  public DemoConfigBuilder token(String value) {
    token = value;
    return this;
  }

  public DemoConfigBuilder sourceTopic(String value) {
    sourceTopic = value;
    return this;
  }

  public DemoConfigBuilder targetTopic(String value) {
    targetTopic = value;
    return this;
  }

  public DemoConfigBuilder pipelineGroup(String value) {
    pipelineGroup = value;
    return this;
  }

  public DemoConfigBuilder consumerGroup(String value) {
    consumerGroup = value;
    return this;
  }

  public DemoConfigBuilder rate(double messagesPerSecond) {
    rate = messagesPerSecond;
    return this;
  }

  public DemoConfigBuilder count(long value) {
    count = value;
    return this;
  }

  public DemoConfigBuilder rows(RowsRange value) {
    rows = value;
    return this;
  }

  public DemoConfigBuilder seed(long value) {
    seed = value;
    return this;
  }

  /** Null = run until stopped. */
  public DemoConfigBuilder duration(Duration value) {
    duration = value;
    return this;
  }

  public DemoConfigBuilder out(PrintStream value) {
    out = value;
    return this;
  }

  public DemoConfigBuilder status(PrintStream value) {
    status = value;
    return this;
  }

  public DemoConfigBuilder statusInterval(Duration value) {
    statusInterval = value;
    return this;
  }

  public DemoConfig build() {
    return new DemoConfig(
        Optional.ofNullable(bootstrapServers),
        kafkaPort,
        gatewaySettings,
        host,
        port,
        token,
        sourceTopic,
        targetTopic,
        pipelineGroup != null ? pipelineGroup : sourceTopic + ".demo-pipeline",
        consumerGroup != null ? consumerGroup : targetTopic + ".demo-consumer",
        rate,
        count,
        rows,
        seed,
        Optional.ofNullable(duration),
        out,
        status,
        statusInterval);
  }
}
