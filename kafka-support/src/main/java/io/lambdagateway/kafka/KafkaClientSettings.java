package io.lambdagateway.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a Kafka cluster: bootstrap servers and security. {@link #toProperties()} gives the
 * common client properties that producers, consumers and admin clients all accept.
 *
 * <p>Security is either {@link Security#PLAINTEXT} (local broker) or {@link Security#SASL_SSL} with
 * SCRAM-SHA-512, as managed clusters such as DoubleCloud's require. With SASL_SSL a truststore is
 * optional: without one the JVM's default trust store is used.
 *
 * @param bootstrapServers comma-separated {@code host:port} list
 * @param security the security protocol
 * @param username SASL user (SASL_SSL only; null for PLAINTEXT)
 * @param password SASL password (SASL_SSL only; null for PLAINTEXT)
 * @param truststore optional JKS/PKCS12 truststore (SASL_SSL only)
 * @param truststorePassword the truststore's password, if it has one
 */
public record KafkaClientSettings(
    String bootstrapServers,
    Security security,
    String username,
    String password,
    Optional<Path> truststore,
    Optional<String> truststorePassword) {

  /** Security protocols supported towards the cluster. */
  public enum Security {
    /** No authentication, no encryption. */
    PLAINTEXT,
    /** TLS plus SASL SCRAM-SHA-512 authentication. */
    SASL_SSL
  }

  public KafkaClientSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(truststore, "truststore");
    Objects.requireNonNull(truststorePassword, "truststorePassword");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrap servers must not be blank");
    }
    if (security == Security.SASL_SSL && (isBlank(username) || password == null)) {
      throw new IllegalArgumentException("SASL_SSL needs a user name and a password");
    }
  }

  /** A PLAINTEXT connection to {@code bootstrapServers}. */
  public static KafkaClientSettings plaintext(String bootstrapServers) {
    return new KafkaClientSettings(
        bootstrapServers, Security.PLAINTEXT, null, null, Optional.empty(), Optional.empty());
  }

  /** A SASL_SSL + SCRAM-SHA-512 connection trusting the JVM's default CAs. */
  public static KafkaClientSettings scram(
      String bootstrapServers, String username, String password) {
    return new KafkaClientSettings(
        bootstrapServers,
        Security.SASL_SSL,
        username,
        password,
        Optional.empty(),
        Optional.empty());
  }

  /** This connection with a truststore file (SASL_SSL only). */
  public KafkaClientSettings withTruststore(Path file, String filePassword) {
    if (security != Security.SASL_SSL) {
      throw new IllegalStateException("a truststore only applies to SASL_SSL");
    }
    return new KafkaClientSettings(
        bootstrapServers,
        security,
        username,
        password,
        Optional.of(file),
        Optional.ofNullable(filePassword));
  }

  /** The client properties for this connection; a new mutable map on each call. */
  public Map<String, String> toProperties() {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("security.protocol", security.name());
    if (security == Security.SASL_SSL) {
      props.put("sasl.mechanism", "SCRAM-SHA-512");
      props.put("sasl.jaas.config", jaasConfig());
      truststore.ifPresent(file -> props.put("ssl.truststore.location", file.toString()));
      truststorePassword.ifPresent(secret -> props.put("ssl.truststore.password", secret));
    }
    return props;
  }

  /**
   * {@link #toProperties()} plus what every producer of this project uses: idempotence with
   * acks=all (no duplicates or reordering from the producer's own retries) and a 5 ms linger (the
   * 3.x default of 0 sends many tiny requests). Serializers are the caller's; a new mutable map.
   */
  public Map<String, String> idempotentProducerProperties() {
    Map<String, String> props = toProperties();
    props.put("acks", "all");
    props.put("enable.idempotence", "true");
    props.put("linger.ms", "5");
    return props;
  }

  /**
   * {@link #toProperties()} plus a consumer group with auto-commit off (the caller commits what it
   * finished) and {@code autoOffsetReset} ({@code earliest} or {@code latest}) for a group without
   * committed offsets. Deserializers are the caller's; a new mutable map.
   */
  public Map<String, String> manualCommitConsumerProperties(
      String groupId, String autoOffsetReset) {
    Map<String, String> props = toProperties();
    props.put("group.id", groupId);
    props.put("enable.auto.commit", "false");
    props.put("auto.offset.reset", autoOffsetReset);
    return props;
  }

  /** Hides the password, so settings can be logged. */
  @Override
  public String toString() {
    return "KafkaClientSettings[bootstrapServers="
        + bootstrapServers
        + ", security="
        + security
        + (security == Security.SASL_SSL ? ", username=" + username : "")
        + truststore.map(file -> ", truststore=" + file).orElse("")
        + "]";
  }

  private String jaasConfig() {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + escapeJaas(username)
        + "\" password=\""
        + escapeJaas(password)
        + "\";";
  }

  /** JAAS quoted strings end at '"' and treat '\' as an escape. */
  private static String escapeJaas(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
