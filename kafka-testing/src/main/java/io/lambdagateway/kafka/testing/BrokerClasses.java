package io.lambdagateway.kafka.testing;

/**
 * Whether the Kafka server classes are on the class path. The container image's launcher jar
 * ({@code lambda-gateway-slim.jar}) leaves them out; this class refers to none of them, so callers
 * can ask before touching {@link EmbeddedKafkaBroker} and report the missing broker in one line
 * instead of a {@link NoClassDefFoundError}.
 */
public final class BrokerClasses {

  /** Why an embedded broker cannot start from this class path, and what to use instead. */
  public static final String MISSING =
      "this jar has no Kafka broker (the container image's"
          + " slim launcher); run the broker from lambda-gateway.jar, or point the demo at a"
          + " running Kafka with --bootstrap-servers";

  private static final String SERVER_CLASS = "kafka.server.KafkaRaftServer";

  private BrokerClasses() {}

  /** True when the embedded broker can start from this class path. */
  public static boolean present() {
    try {
      Class.forName(SERVER_CLASS, false, BrokerClasses.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }

  /**
   * @throws IllegalStateException with {@link #MISSING} when the broker classes are absent
   */
  static void requirePresent() {
    if (!present()) {
      throw new IllegalStateException(MISSING);
    }
  }
}
