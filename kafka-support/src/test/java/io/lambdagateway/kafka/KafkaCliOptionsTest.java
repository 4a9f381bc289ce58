package io.lambdagateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.settings.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@DisplayName("KafkaCliOptions")
class KafkaCliOptionsTest {

  /** The smallest command holding the mixin, as produce, consume and pipeline do. */
  @Command(name = "probe", mixinStandardHelpOptions = true)
  static final class ProbeCommand implements Runnable {
    @Mixin KafkaCliOptions kafka;

    @Override
    public void run() {
      kafka.toSettings();
    }
  }

  private static KafkaClientSettings parse(String... args) {
    return parse(Map.of(), args);
  }

  private static KafkaClientSettings parse(Map<String, String> env, String... args) {
    ProbeCommand command = new ProbeCommand();
    Settings.commandLine(command, env).parseArgs(args);
    return command.kafka.toSettings();
  }

  @Test
  @DisplayName("The variables configure it, and a flag beats its variable")
  void environment() {
    Map<String, String> env =
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS",
            "env:1",
            "KAFKA_SECURITY_PROTOCOL",
            "SASL_SSL",
            "KAFKA_SASL_USERNAME",
            "u",
            "KAFKA_SASL_PASSWORD",
            "p");

    assertThat(parse(env)).isEqualTo(KafkaClientSettings.scram("env:1", "u", "p"));
    assertThat(parse(env, "-b", "flag:2").bootstrapServers()).isEqualTo("flag:2");
  }

  @Test
  @DisplayName("A bad protocol, as flag or variable, is one line naming both, exit code 2")
  void oneLineErrors() {
    StringWriter fromFlag = new StringWriter();
    StringWriter fromEnv = new StringWriter();
    Settings.commandLine(new ProbeCommand(), Map.of())
        .setErr(new PrintWriter(fromFlag, true))
        .execute("--security-protocol", "TLS");
    int exit =
        Settings.commandLine(new ProbeCommand(), Map.of("KAFKA_SECURITY_PROTOCOL", "TLS"))
            .setErr(new PrintWriter(fromEnv, true))
            .execute();

    assertThat(exit).isEqualTo(2);
    for (StringWriter err : new StringWriter[] {fromFlag, fromEnv}) {
      assertThat(err.toString())
          .isEqualTo(
              "probe: invalid value for --security-protocol"
                  + " (env KAFKA_SECURITY_PROTOCOL): 'TLS': PLAINTEXT or SASL_SSL; try 'probe --help'\n");
    }
  }

  @Test
  @DisplayName("The SASL_SSL flags give SCRAM settings with the truststore")
  void saslSslFlags() {
    KafkaClientSettings settings =
        parse(
            "-b",
            "kafka:9091",
            "--security-protocol",
            "sasl_ssl",
            "--sasl-username",
            "admin",
            "--sasl-password",
            "secret",
            "--truststore",
            "/certs/trust.p12",
            "--truststore-password",
            "changeit");

    assertThat(settings)
        .isEqualTo(
            new KafkaClientSettings(
                "kafka:9091",
                KafkaClientSettings.Security.SASL_SSL,
                "admin",
                "secret",
                Optional.of(Path.of("/certs/trust.p12")),
                Optional.of("changeit")));
  }

  @Test
  @DisplayName("Without flags it is PLAINTEXT, and SASL_SSL without a user name is a usage error")
  void defaultsAndErrors() {
    assertThat(parse("--bootstrap-servers", "127.0.0.1:1"))
        .isEqualTo(KafkaClientSettings.plaintext("127.0.0.1:1"));
    assertThatThrownBy(() -> parse("--security-protocol", "SASL_SSL", "--sasl-password", "x"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("user name");
    assertThatThrownBy(() -> parse("--security-protocol", "TLS"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("PLAINTEXT or SASL_SSL");
  }

  @Test
  @DisplayName("--help names every flag with its environment variable")
  void help() {
    StringWriter help = new StringWriter();
    CommandLine line = Settings.commandLine(new ProbeCommand(), Map.of());
    line.setOut(new PrintWriter(help));

    assertThat(line.execute("--help")).isZero();
    assertThat(help.toString().replaceAll("\\s+", " "))
        .contains(
            "(env KAFKA_BOOTSTRAP_SERVERS, default: 127.0.0.1:9092)",
            "(env KAFKA_SECURITY_PROTOCOL, default: PLAINTEXT)",
            "--bootstrap-servers",
            "KAFKA_BOOTSTRAP_SERVERS",
            "--security-protocol",
            "KAFKA_SECURITY_PROTOCOL",
            "--sasl-username",
            "KAFKA_SASL_USERNAME",
            "--sasl-password",
            "KAFKA_SASL_PASSWORD",
            "--truststore",
            "KAFKA_TRUSTSTORE",
            "--truststore-password",
            "KAFKA_TRUSTSTORE_PASSWORD");
  }

  @Test
  @DisplayName("--kafka-timeout (env KAFKA_TIMEOUT, default 15 s) bounds the reachability check")
  void kafkaTimeout() throws Exception {
    ProbeCommand command = new ProbeCommand();
    Settings.commandLine(command, Map.of("KAFKA_TIMEOUT", "2s")).parseArgs("-b", "127.0.0.1:1");
    long start = System.nanoTime();

    assertThatThrownBy(() -> command.kafka.awaitReachable())
        .isInstanceOf(KafkaUnreachableException.class)
        .hasMessageStartingWith("cannot reach Kafka at 127.0.0.1:1 (");
    assertThat(System.nanoTime() - start).isLessThan(3_000_000_000L);
  }

  @Test
  @DisplayName("A zero --kafka-timeout is a usage error")
  void zeroKafkaTimeout() {
    StringWriter err = new StringWriter();
    CommandLine cli = Settings.commandLine(new ProbeCommand(), Map.of());
    cli.setErr(new PrintWriter(err));

    assertThat(cli.execute("--kafka-timeout", "0")).isEqualTo(2);
    assertThat(err.toString())
        .contains("invalid value for --kafka-timeout (env KAFKA_TIMEOUT): '0'");
  }
}
