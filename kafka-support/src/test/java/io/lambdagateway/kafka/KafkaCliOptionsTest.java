package io.lambdagateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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
  static final class ProbeCommand {
    @Mixin
    KafkaCliOptions kafka;
  }

  private static KafkaClientSettings parse(String... args) {
    ProbeCommand command = new ProbeCommand();
    new CommandLine(command).parseArgs(args);
    return command.kafka.toSettings();
  }

  @Test
  @DisplayName("The SASL_SSL flags give SCRAM settings with the truststore")
  void saslSslFlags() {
    KafkaClientSettings settings = parse("-b", "kafka:9091", "--security-protocol", "sasl_ssl",
      "--sasl-username", "admin", "--sasl-password", "secret", "--truststore", "/certs/trust.p12",
      "--truststore-password", "changeit");

    assertThat(settings).isEqualTo(new KafkaClientSettings("kafka:9091",
      KafkaClientSettings.Security.SASL_SSL, "admin", "secret",
      Optional.of(Path.of("/certs/trust.p12")), Optional.of("changeit")));
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
    CommandLine line = new CommandLine(new ProbeCommand());
    line.setOut(new PrintWriter(help));

    assertThat(line.execute("--help")).isZero();
    assertThat(help.toString()).contains(
      "--bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS",
      "--security-protocol", "KAFKA_SECURITY_PROTOCOL",
      "--sasl-username", "KAFKA_SASL_USERNAME",
      "--sasl-password", "KAFKA_SASL_PASSWORD",
      "--truststore", "KAFKA_TRUSTSTORE",
      "--truststore-password", "KAFKA_TRUSTSTORE_PASSWORD");
  }
}
