package io.lambdagateway.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SingleNodeServerProperties")
class SingleNodeServerPropertiesTest {

  private static final Path LOGS = Path.of("/tmp/broker/logs");

  @Test
  @DisplayName("A PLAINTEXT node binds one client listener and keeps the controller on loopback")
  void plaintextListeners() {
    Properties props =
        SingleNodeServerProperties.of(
            new BrokerPorts(9092, 9092, 9093),
            LOGS,
            ClientListener.plaintext(),
            new BrokerPlacement("0.0.0.0", "kafka.local"));

    assertThat(props)
        .containsEntry("listeners", "PLAINTEXT://0.0.0.0:9092,CONTROLLER://127.0.0.1:9093")
        .containsEntry("advertised.listeners", "PLAINTEXT://kafka.local:9092")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
        .containsEntry("log.dirs", LOGS.toString());
  }

  @Test
  @DisplayName("A SASL_SSL node adds an internal PLAINTEXT listener on loopback for itself")
  void saslSslAddsAnInternalListener() {
    Properties props =
        SingleNodeServerProperties.of(
            new BrokerPorts(9092, 9094, 9093),
            LOGS,
            ClientListener.saslSsl("user", "secret", Path.of("/tmp/keystore.p12"), "changeit"),
            BrokerPlacement.LOOPBACK_ONLY);

    assertThat(props)
        .containsEntry(
            "listeners",
            "PLAINTEXT://127.0.0.1:9094,SASL_SSL://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
        .containsEntry(
            "advertised.listeners", "PLAINTEXT://127.0.0.1:9094,SASL_SSL://127.0.0.1:9092")
        .containsEntry("inter.broker.listener.name", "PLAINTEXT")
        .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512");
  }

  @Test
  @DisplayName(
      "One node gets replication factors of 1, no rebalance delay and a small cleaner buffer")
  void singleNodeDefaults() {
    Properties props =
        SingleNodeServerProperties.of(
            new BrokerPorts(9092, 9092, 9093),
            LOGS,
            ClientListener.plaintext(),
            BrokerPlacement.LOOPBACK_ONLY);

    assertThat(props)
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("log.cleaner.dedupe.buffer.size", "2097152");
  }
}
