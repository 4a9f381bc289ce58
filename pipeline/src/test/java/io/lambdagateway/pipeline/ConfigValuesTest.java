package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.kafka.KafkaClientSettings;
import io.lambdagateway.settings.Durations;
import io.lambdagateway.settings.Settings;
import io.lambdagateway.settings.Sizes;
import io.lambdagateway.transfer.LambdaLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ConfigValuesTest {

  @Test
  @DisplayName("Sizes, durations and headers parse as in the Terraform example")
  void parsing() {
    assertThat(Sizes.parse("1.0 MB")).isEqualTo(1024 * 1024);
    assertThat(Sizes.parse("512KB")).isEqualTo(512 * 1024);
    assertThat(Sizes.parse("1000")).isEqualTo(1000);
    assertThat(Durations.parse("1s")).isEqualTo(Duration.ofSeconds(1));
    assertThat(Durations.parse("0")).isZero();
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(ConfigValues.parseHeaders("Authorization=Bearer example-token, X-A=b=c"))
        .containsExactly(
            Map.entry("Authorization", "Bearer example-token"), Map.entry("X-A", "b=c"));
    assertThatThrownBy(() -> Sizes.parse("1 GB")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("The pipeline command maps its flags to the config, with Transfer's defaults")
  void command() {
    PipelineCommand command = new PipelineCommand();
    Settings.commandLine(command, Map.of())
        .parseArgs(
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--target",
            "invoke-api",
            "--flush-interval",
            "0",
            "--headers",
            "X-Test=1");

    PipelineConfig config = command.toConfig();

    assertThat(config.kafka()).isEqualTo(KafkaClientSettings.plaintext("127.0.0.1:1"));
    assertThat(config.target()).isEqualTo(PipelineTarget.INVOKE_API);
    assertThat(config.flushInterval()).isZero();
    assertThat(config.bufferSizeBytes()).isEqualTo(1024 * 1024);
    assertThat(config.invocationTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.retries()).isEqualTo(3);
    assertThat(config.dlqTopic()).isEqualTo(config.sourceTopic() + ".dlq");
    assertThat(config.headers()).containsEntry("X-Test", "1");
    assertThatThrownBy(
            () -> PipelineConfig.builder("h:1").flushInterval(Duration.ofSeconds(901)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("The pipeline takes the same Kafka flags as produce and consume")
  void sharedKafkaFlags() {
    PipelineCommand command = new PipelineCommand();
    Settings.commandLine(command, Map.of())
        .parseArgs(
            "-b",
            "kafka:9091",
            "--security-protocol",
            "SASL_SSL",
            "--sasl-username",
            "transfer",
            "--sasl-password",
            "secret",
            "--truststore",
            "/certs/ca.p12",
            "--truststore-password",
            "changeit");

    assertThat(command.toConfig().kafka())
        .isEqualTo(
            KafkaClientSettings.scram("kafka:9091", "transfer", "secret")
                .withTruststore(Path.of("/certs/ca.p12"), "changeit"));
    assertThatThrownBy(
            () ->
                Settings.commandLine(new PipelineCommand(), Map.of())
                    .parseArgs("--kafka-username", "x"))
        .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
  }

  @Test
  @DisplayName("Invalid settings are usage errors (exit code 2), before anything connects")
  void usageErrors() {
    StringWriter errors = new StringWriter();
    assertThat(execute(errors, Map.of(), "--buffer-size", "1GB")).isEqualTo(2);
    assertThat(execute(errors, Map.of(), "--flush-interval", "901s")).isEqualTo(2);
    assertThat(execute(errors, Map.of(), "--security-protocol", "SASL_SSL", "--sasl-password", "x"))
        .isEqualTo(2);
    assertThat(errors.toString())
        .contains(Sizes.ACCEPTED, "--flush-interval", "user name")
        .hasLineCount(3);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "--buffer-size, 7MB, PIPELINE_BUFFER_SIZE, between 1 and "
        + LambdaLimits.MAX_SYNC_REQUEST_BYTES,
    "--buffer-size, big, PIPELINE_BUFFER_SIZE, '" + Sizes.ACCEPTED + "'",
    "--flush-interval, 901s, PIPELINE_FLUSH_INTERVAL, at most 900s",
    "--invocation-timeout, soon, PIPELINE_INVOCATION_TIMEOUT, '" + Durations.ACCEPTED + "'",
    "--target, lambda, PIPELINE_TARGET, 'function-url, invoke-api or aws'",
    "--status-port, 70000, PIPELINE_STATUS_PORT, between -1 and 65535",
    "--headers, oops, PIPELINE_HEADERS, 'headers such as Name=Value,Other=Value'"
  })
  @DisplayName("A bad flag or variable is one line naming both, then exit code 2")
  void oneLineErrors(String flag, String value, String variable, String accepted) {
    String expected =
        "pipeline: invalid value for "
            + flag
            + " (env "
            + variable
            + "): '"
            + value
            + "': "
            + accepted
            + "; try 'pipeline --help'\n";
    StringWriter fromFlag = new StringWriter();
    StringWriter fromEnv = new StringWriter();

    assertThat(execute(fromFlag, Map.of(), flag, value)).isEqualTo(2);
    assertThat(execute(fromEnv, Map.of(variable, value))).isEqualTo(2);
    assertThat(fromFlag.toString()).isEqualTo(expected);
    assertThat(fromEnv.toString()).isEqualTo(expected);
  }

  @Test
  @DisplayName("--help lists every option with its variable and default")
  void help() {
    StringWriter out = new StringWriter();
    CommandLine line = Settings.commandLine(new PipelineCommand(), Map.of());
    line.setOut(new PrintWriter(out, true));

    assertThat(line.execute("--help")).isZero();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains(
            "(env PIPELINE_BUFFER_SIZE, default: 1MB)",
            "(env PIPELINE_FLUSH_INTERVAL, default: 1s)",
            "(env SOURCE_TOPIC, default: source-topic)",
            "(env PIPELINE_DLQ_TOPIC, default: none)",
            "(env KAFKA_BOOTSTRAP_SERVERS, default: 127.0.0.1:9092)",
            "(env PIPELINE_STATUS_PORT, default: -1)",
            "(env PIPELINE_STATUS_HOST, default: 127.0.0.1)");
  }

  @Test
  @DisplayName("The status port binds loopback unless --status-host or its variable says otherwise")
  void statusHost() {
    PipelineCommand byDefault = new PipelineCommand();
    Settings.commandLine(byDefault, Map.of()).parseArgs();
    PipelineCommand fromEnv = new PipelineCommand();
    Settings.commandLine(fromEnv, Map.of("PIPELINE_STATUS_HOST", "0.0.0.0")).parseArgs();
    PipelineCommand fromFlag = new PipelineCommand();
    Settings.commandLine(fromFlag, Map.of("PIPELINE_STATUS_HOST", "0.0.0.0"))
        .parseArgs("--status-host", "10.0.0.5");

    assertThat(byDefault.statusHost).isEqualTo("127.0.0.1");
    assertThat(fromEnv.statusHost).isEqualTo("0.0.0.0");
    assertThat(fromFlag.statusHost).isEqualTo("10.0.0.5");
  }

  private static int execute(StringWriter errors, Map<String, String> env, String... args) {
    CommandLine line = Settings.commandLine(new PipelineCommand(), env);
    line.setErr(new PrintWriter(errors, true));
    return line.execute(args);
  }
}
