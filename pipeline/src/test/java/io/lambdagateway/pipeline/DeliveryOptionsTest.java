package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.settings.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DeliveryOptionsTest {

  @Test
  @DisplayName("By default: dynamic membership, a 10 s session, at-least-once")
  void defaults() {
    PipelineConfig config = parse(Map.of());

    assertThat(config.instanceName()).isEmpty();
    assertThat(config.sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.exactlyOnce()).isFalse();
    assertThat(KafkaProperties.consumer(config))
        .containsEntry("session.timeout.ms", "10000")
        .containsEntry("heartbeat.interval.ms", "3333")
        .doesNotContainKeys("group.instance.id", "isolation.level");
    assertThat(KafkaProperties.producer(config)).doesNotContainKey("transactional.id");
  }

  @Test
  @DisplayName(
      "The producer lingers 5 ms to group a batch's rows, and not at all with flush interval 0,"
          + " where each poll's records are called and written at once")
  void linger() {
    assertThat(KafkaProperties.producer(parse(Map.of()))).containsEntry("linger.ms", "5");
    assertThat(KafkaProperties.producer(parse(Map.of(), "--flush-interval", "0")))
        .containsEntry("linger.ms", "0");
  }

  @Test
  @DisplayName(
      "The producer packs a partition's rows into batches of up to 256 KB, not Kafka's 16 KB,"
          + " at both flush intervals and in exactly-once mode")
  void batchSize() {
    assertThat(KafkaProperties.producer(parse(Map.of())))
        .containsEntry("batch.size", Integer.toString(256 * 1024));
    assertThat(KafkaProperties.producer(parse(Map.of(), "--flush-interval", "0")))
        .containsEntry("batch.size", Integer.toString(256 * 1024));
    assertThat(
            KafkaProperties.producer(
                parse(Map.of(), "--instance-name", "pipeline-1", "--exactly-once")))
        .containsEntry("batch.size", Integer.toString(256 * 1024));
  }

  @Test
  @DisplayName("A named instance is a static member; exactly-once makes it transactional")
  void namedExactlyOnce() {
    PipelineConfig config =
        parse(
            Map.of(),
            "--group-id",
            "orders",
            "--instance-name",
            "pipeline-1",
            "--session-timeout",
            "6s",
            "--exactly-once");

    assertThat(config.instanceName()).contains("pipeline-1");
    assertThat(KafkaProperties.consumer(config))
        .containsEntry("group.instance.id", "pipeline-1")
        .containsEntry("session.timeout.ms", "6000")
        .containsEntry("heartbeat.interval.ms", "2000")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", "false");
    assertThat(KafkaProperties.producer(config))
        .containsEntry("transactional.id", "orders-pipeline-1")
        .containsEntry("enable.idempotence", "true")
        .containsEntry("acks", "all");
  }

  @Test
  @DisplayName("The variables set the same options")
  void variables() {
    PipelineConfig config =
        parse(
            Map.of(
                "PIPELINE_INSTANCE_NAME", "p2",
                "PIPELINE_SESSION_TIMEOUT", "15s",
                "PIPELINE_EXACTLY_ONCE", "true"));

    assertThat(config.instanceName()).isEqualTo(Optional.of("p2"));
    assertThat(config.sessionTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.exactlyOnce()).isTrue();
  }

  @Test
  @DisplayName("Exactly-once without an instance name, or a zero session, is a usage error")
  void usageErrors() {
    StringWriter errors = new StringWriter();

    assertThat(execute(errors, "--exactly-once")).isEqualTo(2);
    assertThat(execute(errors, "--session-timeout", "0")).isEqualTo(2);
    assertThat(execute(errors, "--instance-name", " ")).isEqualTo(2);
    assertThat(errors.toString())
        .contains("exactly-once needs an instance name", "session timeout", "instance name")
        .hasLineCount(3);
  }

  @Test
  @DisplayName("--help lists the delivery options with their variables and defaults")
  void help() {
    StringWriter out = new StringWriter();
    CommandLine line = Settings.commandLine(new PipelineCommand(), Map.of());
    line.setOut(new PrintWriter(out, true));

    assertThat(line.execute("--help")).isZero();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains(
            "(env PIPELINE_INSTANCE_NAME, default: none)",
            "(env PIPELINE_SESSION_TIMEOUT, default: 10s)",
            "(env PIPELINE_EXACTLY_ONCE, default: false)");
  }

  private static PipelineConfig parse(Map<String, String> env, String... args) {
    PipelineCommand command = new PipelineCommand();
    Settings.commandLine(command, env).parseArgs(args);
    return command.toConfig();
  }

  private static int execute(StringWriter errors, String... args) {
    CommandLine line = Settings.commandLine(new PipelineCommand(), Map.of());
    line.setErr(new PrintWriter(errors, true));
    return line.execute(args);
  }
}
