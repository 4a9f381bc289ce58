package io.lambdagateway.kafka;

import io.lambdagateway.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The Kafka connection options of every command ({@code produce}, {@code consume}, {@code
 * pipeline}; {@code @Mixin} it): bootstrap servers and security, each defaulting to an environment
 * variable, so one set of names configures them all: {@code KAFKA_BOOTSTRAP_SERVERS} / {@code -b,
 * --bootstrap-servers}, {@code KAFKA_SECURITY_PROTOCOL} / {@code --security-protocol} (PLAINTEXT or
 * SASL_SSL), {@code KAFKA_SASL_USERNAME} / {@code --sasl-username}, {@code KAFKA_SASL_PASSWORD} /
 * {@code --sasl-password}, {@code KAFKA_TRUSTSTORE} / {@code --truststore} and {@code
 * KAFKA_TRUSTSTORE_PASSWORD} / {@code --truststore-password}, and {@code KAFKA_TIMEOUT} / {@code
 * --kafka-timeout}, how long a command waits for the cluster to answer at start (see {@link
 * #awaitReachable()}). Prefer the environment for secrets: command lines show up in process lists.
 * Defaults come through {@code io.lambdagateway.settings.Settings}.
 */
public final class KafkaCliOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT[,...]",
      defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
      description = "Kafka bootstrap servers.")
  private String bootstrapServers;

  @Option(
      names = "--security-protocol",
      paramLabel = "PROTOCOL",
      defaultValue = "${env:KAFKA_SECURITY_PROTOCOL:-PLAINTEXT}",
      converter = SecurityConverter.class,
      description = "PLAINTEXT or SASL_SSL (SCRAM-SHA-512).")
  private KafkaClientSettings.Security security;

  @Option(
      names = "--sasl-username",
      paramLabel = "NAME",
      defaultValue = "${env:KAFKA_SASL_USERNAME}",
      description = "SASL user name.")
  private String username;

  @Option(
      names = "--sasl-password",
      paramLabel = "SECRET",
      defaultValue = "${env:KAFKA_SASL_PASSWORD}",
      description = "SASL password; prefer the variable.")
  private String password;

  @Option(
      names = "--truststore",
      paramLabel = "FILE",
      defaultValue = "${env:KAFKA_TRUSTSTORE}",
      description = "Truststore for SASL_SSL; the JVM's CAs when absent.")
  private Path truststore;

  @Option(
      names = "--truststore-password",
      paramLabel = "SECRET",
      defaultValue = "${env:KAFKA_TRUSTSTORE_PASSWORD}",
      description = "Truststore password; prefer the variable.")
  private String truststorePassword;

  @Option(
      names = "--kafka-timeout",
      paramLabel = "DURATION",
      defaultValue = "${env:KAFKA_TIMEOUT:-15s}",
      description = "Give up with one line and exit code 1 when Kafka does not answer this soon.")
  private Duration kafkaTimeout;

  /**
   * Returns once the cluster these options describe answered within {@code --kafka-timeout} ({@link
   * KafkaReachability}). Commands call it after checking all their other options, so that a usage
   * error never waits for Kafka. Blocks; never call it on an event loop.
   *
   * @throws ParameterException when the options are inconsistent
   * @throws KafkaUnreachableException when the cluster did not answer in time
   */
  public void awaitReachable() throws KafkaUnreachableException {
    KafkaReachability.check(toSettings(), kafkaTimeout);
  }

  /**
   * Runs {@code command} once the cluster answered; when it did not, prints the one-line reason to
   * the command's error stream and returns exit code 1.
   */
  public int whenReachable(Callable<Integer> command) throws Exception {
    try {
      awaitReachable();
    } catch (KafkaUnreachableException away) {
      spec.commandLine().getErr().println(away.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
    return command.call();
  }

  /**
   * The settings these options describe.
   *
   * @throws ParameterException when they are inconsistent, e.g. SASL_SSL without a user
   */
  public KafkaClientSettings toSettings() {
    if (kafkaTimeout.isZero()) {
      throw Settings.invalid(spec, "--kafka-timeout", kafkaTimeout, "above 0");
    }
    try {
      KafkaClientSettings settings =
          security == KafkaClientSettings.Security.SASL_SSL
              ? KafkaClientSettings.scram(bootstrapServers, username, password)
              : KafkaClientSettings.plaintext(bootstrapServers);
      return truststore == null
          ? settings
          : settings.withTruststore(truststore, truststorePassword);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** Accepts the protocol name in any case. */
  static final class SecurityConverter implements ITypeConverter<KafkaClientSettings.Security> {
    @Override
    public KafkaClientSettings.Security convert(String value) {
      try {
        return KafkaClientSettings.Security.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("PLAINTEXT or SASL_SSL");
      }
    }
  }
}
