package io.lambdagateway.kafka.testing;

import java.util.UUID;

/**
 * Unique topic and consumer-group names, so tests sharing one broker never see each other's records
 * or offsets.
 */
public final class KafkaNames {

  private KafkaNames() {}

  /**
   * {@code prefix} plus a random 12-hex-digit suffix, e.g. {@code orders-3f9a0c1b2d4e}. The prefix
   * should hold only Kafka's legal topic characters: ASCII letters, digits, '.', '_' and '-'.
   */
  public static String unique(String prefix) {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return prefix + "-" + suffix;
  }
}
