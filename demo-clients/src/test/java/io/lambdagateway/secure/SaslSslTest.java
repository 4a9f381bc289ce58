package io.lambdagateway.secure;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.consumer.StartFrom;
import io.lambdagateway.consumer.TargetConsumerConfig;
import io.lambdagateway.consumer.TargetConsumerVerticle;
import io.lambdagateway.kafka.KafkaClientSettings;
import io.lambdagateway.kafka.testing.EmbeddedKafkaBroker;
import io.lambdagateway.kafka.testing.KafkaNames;
import io.lambdagateway.producer.ProducerConfig;
import io.lambdagateway.producer.ProducerVerticle;
import io.lambdagateway.producer.RowsRange;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("SASL_SSL with SCRAM-SHA-512, as on a managed cluster")
class SaslSslTest {

  private static final String USER = "transfer";
  private static final String PASSWORD = "s3cret-pw";

  @TempDir static Path tlsDir;
  private static SelfSignedTls tls;
  private static EmbeddedKafkaBroker broker;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);

  @BeforeAll
  static void startBroker() throws Exception {
    tls = SelfSignedTls.create(tlsDir);
    broker = EmbeddedKafkaBroker.startSaslSsl(USER, PASSWORD, tls.keystore(), tls.password());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  @DisplayName("The producer and the target consumer authenticate and exchange messages over TLS")
  void roundTrip(Vertx vertx) throws Exception {
    String topic = KafkaNames.unique("secure");
    KafkaClientSettings kafka = settings(PASSWORD);
    ProducerConfig producerCfg =
        ProducerConfig.builder(kafka, topic)
            .messageCount(4)
            .rows(new RowsRange(1, 1))
            .partitions(1)
            .out(out)
            .build();
    ProducerVerticle producer = new ProducerVerticle(producerCfg);
    vertx.deployVerticle(producer).await(30, TimeUnit.SECONDS);
    assertThat(producer.completion().await(60, TimeUnit.SECONDS).acknowledged()).isEqualTo(4);

    outBytes.reset();
    TargetConsumerConfig consumerCfg =
        TargetConsumerConfig.builder(kafka, topic, KafkaNames.unique("group"))
            .from(StartFrom.EARLIEST)
            .maxRecords(4)
            .out(out)
            .status(out)
            .build();
    TargetConsumerVerticle consumer = new TargetConsumerVerticle(consumerCfg);
    vertx.deployVerticle(consumer).await(30, TimeUnit.SECONDS);

    assertThat(consumer.completion().await(60, TimeUnit.SECONDS).records()).isEqualTo(4);
    assertThat(
            outBytes
                .toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith("\"ts="))
                .count())
        .isEqualTo(4);
  }

  @Test
  @DisplayName("createTopic still works: the broker's own admin client uses its internal listener")
  void createTopicOnSecureBroker() {
    broker.createTopic(KafkaNames.unique("admin-made"), 2);
  }

  @Test
  @DisplayName("A wrong password fails the producer's start-up with an authentication error")
  void wrongPassword(Vertx vertx) {
    ProducerConfig cfg =
        ProducerConfig.builder(settings("not-the-password"), KafkaNames.unique("denied"))
            .messageCount(1)
            .out(out)
            .build();

    assertThat(
            vertx
                .deployVerticle(new ProducerVerticle(cfg))
                .toCompletionStage()
                .toCompletableFuture())
        .failsWithin(Duration.ofSeconds(30))
        .withThrowableThat()
        .havingRootCause()
        .isInstanceOf(SaslAuthenticationException.class);
  }

  private static KafkaClientSettings settings(String password) {
    return KafkaClientSettings.scram(broker.bootstrapServers(), USER, password)
        .withTruststore(tls.truststore(), tls.password());
  }
}
