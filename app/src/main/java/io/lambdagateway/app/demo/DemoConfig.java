package io.lambdagateway.app.demo;

import io.lambdagateway.producer.RowsRange;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link Demo} needs. Build it with {@link #builder()} ({@link DemoConfigBuilder}); each
 * default is a {@code DEFAULT_*} constant, which the {@code demo} command's options also show and
 * use. The constructor validates.
 *
 * @param bootstrapServers an existing Kafka to use; empty = start an embedded broker
 * @param kafkaPort port of the embedded broker on 127.0.0.1 (0 = any free port); when taken, a free
 *     port is used instead
 * @param gatewaySettings gateway settings keyed by environment-variable name (see the gateway's
 *     {@code Setting}); host, port and token below override theirs
 * @param host interface the gateway binds
 * @param port gateway port (0 = any free port); when taken, a free port is used instead
 * @param token bearer token the gateway's function URLs require and the pipeline sends
 * @param sourceTopic topic the producer writes and the pipeline reads
 * @param targetTopic topic the pipeline writes and the consumer prints
 * @param pipelineGroup consumer group of the pipeline; default {@code <source topic>.demo-pipeline}
 * @param consumerGroup consumer group of the printing consumer; default {@code <target
 *     topic>.demo-consumer}. Groups are per topic by default: demos on other topics of one cluster
 *     would otherwise share a group and rebalance each other
 * @param rate producer messages per second (0 = as fast as possible)
 * @param count messages to produce; 0 = unbounded. When bounded, the demo finishes by itself once
 *     the consumer printed every row of them
 * @param rows rows per produced message
 * @param seed seed of the produced messages
 * @param duration when present, the demo finishes by itself after this long
 * @param out where the enriched records go, one JSON object per line
 * @param status where banners, progress and summaries go
 * @param statusInterval time between status lines (produced, enriched, lag, rows/s)
 */
public record DemoConfig(
    Optional<String> bootstrapServers,
    int kafkaPort,
    Map<String, String> gatewaySettings,
    String host,
    int port,
    String token,
    String sourceTopic,
    String targetTopic,
    String pipelineGroup,
    String consumerGroup,
    double rate,
    long count,
    RowsRange rows,
    long seed,
    Optional<Duration> duration,
    PrintStream out,
    PrintStream status,
    Duration statusInterval) {

  public static final int DEFAULT_KAFKA_PORT = 9092;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_TOKEN = "demo-token";
  public static final String DEFAULT_SOURCE_TOPIC = "source-topic";
  public static final String DEFAULT_TARGET_TOPIC = "target-topic";
  public static final double DEFAULT_RATE = 2;

  /** Few rows per message keep the printed stream readable. */
  public static final String DEFAULT_ROWS_TEXT = "1..5";

  public static final RowsRange DEFAULT_ROWS = RowsRange.parse(DEFAULT_ROWS_TEXT);
  public static final long DEFAULT_SEED = 42;
  public static final String DEFAULT_STATUS_INTERVAL_TEXT = "5s";

  public DemoConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(statusInterval, "statusInterval");
    gatewaySettings = Map.copyOf(gatewaySettings);
    require(kafkaPort >= 0 && kafkaPort <= 65535, "kafka port must be in 0..65535");
    require(port >= 0 && port <= 65535, "port must be in 0..65535");
    require(rate >= 0 && Double.isFinite(rate), "rate must be a finite number >= 0");
    require(count >= 0, "count must be >= 0");
    require(statusInterval.toMillis() > 0, "status interval must be positive");
    require(duration.isEmpty() || duration.get().toMillis() > 0, "duration must be positive");
    for (String name : new String[] {sourceTopic, targetTopic, pipelineGroup, consumerGroup}) {
      require(name != null && !name.isBlank(), "topics and groups must not be blank");
    }
  }

  /** A builder holding every default: embedded broker, gateway on 127.0.0.1:8080, 2 msg/s. */
  public static DemoConfigBuilder builder() {
    return new DemoConfigBuilder();
  }

  /** The dead-letter topic: the pipeline's default, {@code <source topic>.dlq}. */
  public String dlqTopic() {
    return sourceTopic + ".dlq";
  }

  /** Whether the demo finishes by itself (a message count or a duration is set). */
  public boolean bounded() {
    return count > 0 || duration.isPresent();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
