package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.kafka.testing.SharedBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly-once mode against a real broker: the rows and the source offsets of each batch are one
 * transaction, and a second instance started with the same name fences the first.
 */
@ExtendWith(VertxExtension.class)
class ExactlyOnceTest {

  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

  private String bootstrap;
  private KafkaTestClient kafka;
  private BlockedThreadWatch blockedThreads;
  private String source;
  private String target;

  @BeforeEach
  void setUp() {
    bootstrap = SharedBroker.bootstrapServers();
    kafka = new KafkaTestClient(bootstrap);
    blockedThreads = new BlockedThreadWatch();
    source = KafkaNames.unique("eos");
    target = source + ".target";
    SharedBroker.get().createTopic(source, 2);
    SharedBroker.get().createTopic(target, 1);
    SharedBroker.get().createTopic(source + ".dlq", 1);
  }

  @AfterEach
  void tearDown() {
    kafka.close();
    blockedThreads.close();
    assertThat(blockedThreads.warnings()).as("Vert.x blocked-thread warnings").isEmpty();
  }

  @Test
  @DisplayName(
      "A newer instance with the same name fences the older and resumes after its last"
          + " transaction: a read_committed reader sees every row once")
  void newerInstanceFencesTheOlder(Vertx vertx) throws Exception {
    SourceRows first = new SourceRows(11, "eos-first").good(40, 4).bad();
    SourceRows second = new SourceRows(12, "eos-second").good(40, 4);
    FunctionServer function = FunctionServer.start(vertx);
    PipelineConfig config =
        PipelineVerticle.configFor(bootstrap, function.baseUrl())
            .sourceTopic(source)
            .targetTopic(target)
            .groupId(KafkaNames.unique("eos-group"))
            .instanceName("eos-instance")
            .exactlyOnce(true)
            .flushInterval(Duration.ofMillis(100))
            .retryBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)))
            .stallBackoff(new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)))
            .build();
    kafka.produce(source, 2, first.values());
    PipelineVerticle older = new PipelineVerticle(config, new SimpleMeterRegistry());
    vertx.deployVerticle(older).await();
    List<String> expected = new ArrayList<>(first.expectedTargetValues());
    await()
        .atMost(DELIVERY_TIMEOUT)
        .until(() -> readCommitted(target, expected.size()).size() == expected.size());

    PipelineVerticle newer = new PipelineVerticle(config, new SimpleMeterRegistry());
    vertx.deployVerticle(newer).await();
    await().atMost(DELIVERY_TIMEOUT).until(() -> older.fatal().failed());
    kafka.produce(source, 2, second.values());
    expected.addAll(second.expectedTargetValues());

    assertThat(readCommitted(target, expected.size()))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(readCommitted(source + ".dlq", 1)).hasSize(1);
    assertThat(newer.fatal().isComplete()).isFalse();
  }

  /**
   * The committed values of {@code topic}, once at least {@code atLeast} arrived and 1 s passed.
   */
  private List<String> readCommitted(String topic, int atLeast) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("isolation.level", "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
      long quietSince = System.nanoTime();
      while (System.nanoTime() < deadline) {
        int before = values.size();
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
        if (values.size() != before) {
          quietSince = System.nanoTime();
        } else if (values.size() >= atLeast
            && System.nanoTime() - quietSince > Duration.ofSeconds(1).toNanos()) {
          break;
        }
      }
      return values;
    }
  }
}
