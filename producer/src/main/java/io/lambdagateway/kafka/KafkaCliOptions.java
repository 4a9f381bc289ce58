package io.lambdagateway.kafka;

import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The Kafka connection options shared by every command ({@code @Mixin} it): bootstrap servers
 * and security, each defaulting to an environment variable. Prefer {@code KAFKA_PASSWORD} over
 * {@code --password}: command lines show up in process lists.
 */
public final class KafkaCliOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
    defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
    description = "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
  private String bootstrapServers;

  @Option(names = "--security-protocol", paramLabel = "PROTOCOL",
    defaultValue = "${env:KAFKA_SECURITY_PROTOCOL:-PLAINTEXT}", converter = SecurityConverter.class,
    description = "PLAINTEXT or SASL_SSL (SCRAM-SHA-512) (env KAFKA_SECURITY_PROTOCOL; default: ${DEFAULT-VALUE}).")
  private KafkaClientSettings.Security security;

  @Option(names = "--user", paramLabel = "NAME", defaultValue = "${env:KAFKA_USER}",
    description = "SASL user name (env KAFKA_USER).")
  private String user;

  @Option(names = "--password", paramLabel = "SECRET", defaultValue = "${env:KAFKA_PASSWORD}",
    description = "SASL password (env KAFKA_PASSWORD, preferred).")
  private String password;

  @Option(names = "--truststore", paramLabel = "FILE", defaultValue = "${env:KAFKA_TRUSTSTORE}",
    description = "Truststore for SASL_SSL; the JVM's CAs when absent (env KAFKA_TRUSTSTORE).")
  private Path truststore;

  @Option(names = "--truststore-password", paramLabel = "SECRET",
    defaultValue = "${env:KAFKA_TRUSTSTORE_PASSWORD}",
    description = "Truststore password (env KAFKA_TRUSTSTORE_PASSWORD).")
  private String truststorePassword;

  /**
   * The settings these options describe.
   *
   * @throws ParameterException when they are inconsistent, e.g. SASL_SSL without a user
   */
  public KafkaClientSettings toSettings() {
    try {
      KafkaClientSettings settings = security == KafkaClientSettings.Security.SASL_SSL
        ? KafkaClientSettings.scram(bootstrapServers, user, password)
        : KafkaClientSettings.plaintext(bootstrapServers);
      return truststore == null ? settings : settings.withTruststore(truststore, truststorePassword);
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
        throw new TypeConversionException("expected PLAINTEXT or SASL_SSL, got '" + value + "'");
      }
    }
  }
}
