package io.lambdagateway.kafka.testing;

/**
 * One {@link EmbeddedKafkaBroker} per JVM, started on first use and shared by every test class of
 * the run. It stops in a JVM shutdown hook, which also deletes its directory.
 *
 * <p>Tests sharing it must not assume an empty broker: give each test its own topics and groups
 * through {@link KafkaNames#unique(String)}. Do not close the returned broker.
 */
public final class SharedBroker {

  private static EmbeddedKafkaBroker broker;

  private SharedBroker() {}

  /** The JVM's shared broker, started (2–5 s) by the first caller. Thread-safe. */
  public static synchronized EmbeddedKafkaBroker get() {
    if (broker == null) {
      broker = EmbeddedKafkaBroker.start();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "shared-kafka-broker-stop"));
    }
    return broker;
  }

  /** Shortcut for {@code get().bootstrapServers()}. */
  public static String bootstrapServers() {
    return get().bootstrapServers();
  }
}
