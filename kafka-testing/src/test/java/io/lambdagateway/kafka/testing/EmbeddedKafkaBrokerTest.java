package io.lambdagateway.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("EmbeddedKafkaBroker")
class EmbeddedKafkaBrokerTest {

  @Test
  @DisplayName(
      "A produced record comes back to a consumer group, and close deletes the broker's directory")
  void roundTripAndCleanup() {
    Path dataDir;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      dataDir = broker.dataDir();
      assertThat(dataDir).isDirectory();
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
      String topic = KafkaNames.unique("round-trip");

      KafkaTestClients.produce(broker.bootstrapServers(), topic, List.of("one", "two"));
      List<ConsumerRecord<String, String>> records =
          KafkaTestClients.consume(broker.bootstrapServers(), topic, 2, Duration.ofSeconds(30));

      assertThat(records).extracting(ConsumerRecord::value).containsExactly("one", "two");
      broker.close();
      assertThat(Files.exists(dataDir)).isFalse();
    }
  }

  @Test
  @DisplayName(
      "createTopic makes a topic with the requested partitions and refuses an existing one")
  void createTopic() throws Exception {
    EmbeddedKafkaBroker broker = SharedBroker.get();
    String topic = KafkaNames.unique("partitioned");

    broker.createTopic(topic, 3);

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      int partitions =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      assertThat(partitions).isEqualTo(3);
    }
    assertThatThrownBy(() -> broker.createTopic(topic, 3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(topic);
  }

  @Test
  @DisplayName(
      "createTopic returns for topics created back to back only once every partition has a leader")
  void createTopicsBackToBack() throws Exception {
    EmbeddedKafkaBroker broker = SharedBroker.get();
    String prefix = KafkaNames.unique("back-to-back");

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      for (int i = 0; i < 10; i++) {
        String topic = prefix + "-" + i;
        broker.createTopic(topic, 4);
        // A second client sees the topic at once, every partition led: no retry on this side.
        assertThat(
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
            .hasSize(4)
            .allSatisfy(partition -> assertThat(partition.leader()).isNotNull());
      }
    }
  }

  @Test
  @DisplayName("A second close is a no-op and a fixed port is honoured")
  void fixedPortAndIdempotentClose() throws Exception {
    int port;
    try (var probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port);
    assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
    broker.close();
    broker.close();
    assertThatThrownBy(() -> broker.createTopic("after-close", 1))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("A fixed port already in use fails the start with a clear error instead of hanging")
  void portInUse() throws Exception {
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () ->
              assertThatThrownBy(() -> EmbeddedKafkaBroker.start(port))
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessageContaining(String.valueOf(port)));
    }
  }

  @Test
  @DisplayName(
      "A standalone broker keeps its given data dir on close and serves the earlier records after a restart")
  void standaloneKeepsItsDataAcrossRestarts(@TempDir Path dataDir) {
    String topic = KafkaNames.unique("kept");
    try (EmbeddedKafkaBroker first =
        EmbeddedKafkaBroker.startStandalone("127.0.0.1", "127.0.0.1", 0, Optional.of(dataDir))) {
      KafkaTestClients.produce(first.bootstrapServers(), topic, List.of("before restart"));
    }
    assertThat(dataDir.resolve("logs/meta.properties")).isRegularFile();

    try (EmbeddedKafkaBroker second =
        EmbeddedKafkaBroker.startStandalone("127.0.0.1", "127.0.0.1", 0, Optional.of(dataDir))) {
      assertThat(second.dataDir()).isEqualTo(dataDir);
      List<ConsumerRecord<String, String>> records =
          KafkaTestClients.consume(second.bootstrapServers(), topic, 1, Duration.ofSeconds(30));

      assertThat(records).extracting(ConsumerRecord::value).containsExactly("before restart");
    }
  }

  @Test
  @DisplayName("A standalone broker bound to every interface tells clients the advertised host")
  void standaloneAdvertisesTheGivenHost() {
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.startStandalone("0.0.0.0", "localhost", 0, Optional.empty())) {
      assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + broker.port());
      String topic = KafkaNames.unique("advertised");

      broker.createTopic(topic, 1);
      KafkaTestClients.produce(broker.bootstrapServers(), topic, List.of("via localhost"));

      assertThat(
              KafkaTestClients.consume(
                  "127.0.0.1:" + broker.port(), topic, 1, Duration.ofSeconds(30)))
          .extracting(ConsumerRecord::value)
          .containsExactly("via localhost");
    }
  }
}
