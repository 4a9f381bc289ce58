package io.lambdagateway.kafka;

/**
 * Kafka could not be reached within the allowed time. The message is the whole report, one line
 * meant for a person: {@code cannot reach Kafka at <bootstrap servers> (<reason>)}; commands print
 * it instead of a stack trace and exit with 1.
 */
public final class KafkaUnreachableException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Kafka at {@code bootstrapServers} did not answer, for {@code reason}. */
  public KafkaUnreachableException(String bootstrapServers, String reason) {
    super("cannot reach Kafka at " + bootstrapServers + " (" + reason + ")", null, false, false);
  }
}
