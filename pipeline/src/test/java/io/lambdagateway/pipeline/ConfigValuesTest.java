package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.kafka.KafkaClientSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConfigValuesTest {

  @Test
  @DisplayName("Sizes, durations and headers parse as in the Terraform example")
  void parsing() {
    assertThat(ConfigValues.parseBytes("1.0 MB")).isEqualTo(1024 * 1024);
    assertThat(ConfigValues.parseBytes("512KB")).isEqualTo(512 * 1024);
    assertThat(ConfigValues.parseBytes("1000")).isEqualTo(1000);
    assertThat(ConfigValues.parseDuration("1s")).isEqualTo(Duration.ofSeconds(1));
    assertThat(ConfigValues.parseDuration("0")).isZero();
    assertThat(ConfigValues.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(ConfigValues.parseDuration("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(ConfigValues.parseHeaders("Authorization=Bearer example-token, X-A=b=c"))
      .containsExactly(Map.entry("Authorization", "Bearer example-token"), Map.entry("X-A", "b=c"));
    assertThatThrownBy(() -> ConfigValues.parseBytes("1 GB")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("The pipeline command maps its flags to the config, with Transfer's defaults")
  void command() {
    PipelineCommand command = new PipelineCommand();
    new CommandLine(command).parseArgs("--bootstrap-servers", "127.0.0.1:1", "--target",
      "invoke-api", "--flush-interval", "0", "--headers", "X-Test=1");

    PipelineConfig config = command.toConfig();

    assertThat(config.kafka()).isEqualTo(KafkaClientSettings.plaintext("127.0.0.1:1"));
    assertThat(config.target()).isEqualTo(PipelineTarget.INVOKE_API);
    assertThat(config.flushInterval()).isZero();
    assertThat(config.bufferSizeBytes()).isEqualTo(1024 * 1024);
    assertThat(config.invocationTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.retries()).isEqualTo(3);
    assertThat(config.dlqTopic()).isEqualTo(config.sourceTopic() + ".dlq");
    assertThat(config.headers()).containsEntry("X-Test", "1");
    assertThatThrownBy(() -> PipelineConfig.builder("h:1").flushInterval(Duration.ofSeconds(901))
      .build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("The pipeline takes the same Kafka flags as produce and consume")
  void sharedKafkaFlags() {
    PipelineCommand command = new PipelineCommand();
    new CommandLine(command).parseArgs("-b", "kafka:9091", "--security-protocol", "SASL_SSL",
      "--sasl-username", "transfer", "--sasl-password", "secret", "--truststore", "/certs/ca.p12",
      "--truststore-password", "changeit");

    assertThat(command.toConfig().kafka()).isEqualTo(
      KafkaClientSettings.scram("kafka:9091", "transfer", "secret")
        .withTruststore(Path.of("/certs/ca.p12"), "changeit"));
    assertThatThrownBy(() -> new CommandLine(new PipelineCommand()).parseArgs("--kafka-username", "x"))
      .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
  }

  @Test
  @DisplayName("Invalid settings are usage errors (exit code 2), before anything connects")
  void usageErrors() {
    StringWriter errors = new StringWriter();
    assertThat(execute(errors, "--buffer-size", "1GB")).isEqualTo(2);
    assertThat(execute(errors, "--flush-interval", "901s")).isEqualTo(2);
    assertThat(execute(errors, "--security-protocol", "SASL_SSL", "--sasl-password", "x")).isEqualTo(2);
    assertThat(errors.toString()).contains("not a size", "flush interval", "user name");
  }

  private static int execute(StringWriter errors, String... args) {
    CommandLine line = new CommandLine(new PipelineCommand());
    line.setErr(new PrintWriter(errors, true));
    return line.execute(args);
  }
}
