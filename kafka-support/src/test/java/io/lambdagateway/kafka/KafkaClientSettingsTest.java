package io.lambdagateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KafkaClientSettings")
class KafkaClientSettingsTest {

  @Test
  @DisplayName("PLAINTEXT gives only the bootstrap servers and the protocol")
  void plaintext() {
    assertThat(KafkaClientSettings.plaintext("127.0.0.1:9092").toProperties())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("bootstrap.servers", "127.0.0.1:9092", "security.protocol", "PLAINTEXT"));
  }

  @Test
  @DisplayName("SASL_SSL gives SCRAM-SHA-512 with an escaped JAAS line and the optional truststore")
  void scram() {
    KafkaClientSettings settings =
        KafkaClientSettings.scram("kafka:9091", "admin", "p\"w\\d")
            .withTruststore(Path.of("/certs/trust.jks"), "changeit");

    assertThat(settings.toProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"admin\" password=\"p\\\"w\\\\d\";")
        .containsEntry("ssl.truststore.location", "/certs/trust.jks")
        .containsEntry("ssl.truststore.password", "changeit");
    assertThat(settings.toString()).contains("admin").doesNotContain("p\"w");
  }

  @Test
  @DisplayName("SASL_SSL without credentials and a truststore on PLAINTEXT are refused")
  void invalid() {
    assertThatThrownBy(() -> KafkaClientSettings.scram("kafka:9091", "", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> KafkaClientSettings.plaintext("k:1").withTruststore(Path.of("t.jks"), null))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> KafkaClientSettings.plaintext(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "Producer and consumer properties add idempotence and manual commits to the connection's")
  void clientProperties() {
    KafkaClientSettings settings = KafkaClientSettings.scram("kafka:9091", "admin", "secret");

    assertThat(settings.idempotentProducerProperties())
        .containsAllEntriesOf(settings.toProperties())
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", "true")
        .containsEntry("linger.ms", "5");
    assertThat(settings.manualCommitConsumerProperties("group-1", "earliest"))
        .containsAllEntriesOf(settings.toProperties())
        .containsEntry("group.id", "group-1")
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("auto.offset.reset", "earliest");
  }
}
