package io.lambdagateway.kafka.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The listener an {@link EmbeddedKafkaBroker} offers to clients: its security protocol, the broker
 * properties it needs and the storage-format arguments that create its users.
 */
record ClientListener(
    String protocol, Map<String, String> serverProperties, List<String> formatArgs) {

  static ClientListener plaintext() {
    return new ClientListener("PLAINTEXT", Map.of(), List.of());
  }

  /**
   * TLS from a PKCS12 keystore plus SCRAM-SHA-512 for one user, created when storage is formatted.
   */
  static ClientListener saslSsl(
      String user, String password, Path keystore, String keystorePassword) {
    if (user.contains(",")
        || user.contains("]")
        || password.contains(",")
        || password.contains("]")) {
      throw new IllegalArgumentException(
          "the storage tool's --add-scram syntax cannot carry ',' or ']'");
    }
    Map<String, String> props =
        Map.of(
            "sasl.enabled.mechanisms",
            "SCRAM-SHA-512",
            "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.keystore.type",
            "PKCS12",
            "ssl.keystore.location",
            keystore.toString(),
            "ssl.keystore.password",
            keystorePassword,
            "ssl.key.password",
            keystorePassword);
    String scramUser = "SCRAM-SHA-512=[name=" + user + ",password=" + password + "]";
    return new ClientListener("SASL_SSL", props, List.of("--add-scram", scramUser));
  }

  /** Brokers talk to themselves over PLAINTEXT; a SASL_SSL client listener needs a second one. */
  boolean needsInternalListener() {
    return !"PLAINTEXT".equals(protocol);
  }
}
