package io.lambdagateway.kafka.testing;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running inside this
 * JVM, for tests and the local demo.
 *
 * <p>It listens with PLAINTEXT on 127.0.0.1 only. Its log directory is a fresh temporary directory
 * that {@link #close()} deletes. {@link #startStandalone} is the exception, for the launcher's
 * {@code broker} subcommand: a fixed port on a chosen interface, and data kept across restarts.
 * Replication factors are 1 and the initial group rebalance delay is 0, so consumer groups work at
 * once on one node. Topics are auto-created on first use, as with a default Kafka; {@link
 * #createTopic} creates one with a chosen partition count.
 *
 * <p>{@link #startSaslSsl} adds what a managed cluster such as DoubleCloud's asks of clients: a
 * SASL_SSL listener with SCRAM-SHA-512 for one user, so the security settings of {@link
 * KafkaClientSettings} can be exercised for real.
 *
 * <p>The class path must hold kafka-clients at the broker's own version (3.9.2).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private final KraftNode node;
  private final TopicAdmin topics;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedKafkaBroker(KraftNode node) {
    this.node = node;
    this.topics = new TopicAdmin(node.adminBootstrapServers());
  }

  /** Starts a broker on a random free loopback port; returns once it serves requests. */
  public static EmbeddedKafkaBroker start() {
    return start(0);
  }

  /**
   * Starts a broker on {@code port} of 127.0.0.1 ({@code 0} picks a random free port); returns once
   * it serves requests. The controller always takes a random free port.
   *
   * @throws IllegalStateException when the broker cannot start
   */
  public static EmbeddedKafkaBroker start(int port) {
    requireValid(port);
    return startOnLoopback(port, ClientListener.plaintext());
  }

  /**
   * Starts a broker that serves other processes, as the launcher's {@code broker} subcommand does:
   * the client listener binds {@code bindHost} ({@code 0.0.0.0} = every interface) on {@code port}
   * ({@code 0} = a random free one) and tells clients to connect to {@code advertisedHost}. With a
   * {@code dataDir} the topics, records and committed offsets live there and outlive {@link
   * #close()}: the directory is formatted on its first start only, so a restart serves what was
   * written before. Without one, a temporary directory is used.
   *
   * @throws IllegalStateException when the broker cannot start
   */
  public static EmbeddedKafkaBroker startStandalone(
      String bindHost, String advertisedHost, int port, Optional<Path> dataDir) {
    requireValid(port);
    BrokerClasses.requirePresent();
    BrokerStorage storage = dataDir.map(BrokerStorage::kept).orElseGet(BrokerStorage::inTempDir);
    return new EmbeddedKafkaBroker(
        KraftNode.start(
            port == 0 ? BrokerPorts.freeLoopbackPort() : port,
            ClientListener.plaintext(),
            new BrokerPlacement(bindHost, advertisedHost),
            storage));
  }

  /**
   * Starts a broker on a random port whose client listener is SASL_SSL: TLS with the key pair in
   * {@code keystore} (PKCS12; its certificate should name 127.0.0.1) and SCRAM-SHA-512
   * authentication of {@code user}. The broker talks to itself over an internal PLAINTEXT listener
   * that {@link #bootstrapServers()} does not expose.
   */
  public static EmbeddedKafkaBroker startSaslSsl(
      String user, String password, Path keystore, String keystorePassword) {
    return startOnLoopback(0, ClientListener.saslSsl(user, password, keystore, keystorePassword));
  }

  private static EmbeddedKafkaBroker startOnLoopback(int port, ClientListener listener) {
    BrokerClasses.requirePresent();
    return RandomPortRetry.start(
        port,
        chosenPort ->
            new EmbeddedKafkaBroker(
                KraftNode.start(
                    chosenPort,
                    listener,
                    BrokerPlacement.LOOPBACK_ONLY,
                    BrokerStorage.inTempDir())));
  }

  private static void requireValid(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** {@code host:port} of the client listener, for the {@code bootstrap.servers} property. */
  public String bootstrapServers() {
    return node.placement().advertisedHost() + ":" + port();
  }

  /** The port of the client listener. */
  public int port() {
    return node.ports().client();
  }

  /**
   * The directory holding the broker's configuration and logs: a temporary one, deleted on close,
   * unless {@link #startStandalone} was given one to keep.
   */
  public Path dataDir() {
    return node.storage().dir();
  }

  /**
   * Creates a topic with replication factor 1 and waits until every partition has a leader.
   *
   * @throws IllegalStateException when the topic exists already or is not created in 30 s
   */
  public void createTopic(String name, int partitions) {
    topics.create(name, partitions);
  }

  /**
   * Like {@link #createTopic}, but a topic that exists already (a restart on a kept data dir) is
   * left as it is, whatever its partition count.
   */
  public void createTopicIfMissing(String name, int partitions) {
    topics.createIfMissing(name, partitions);
  }

  /** Stops the broker and deletes its directory unless it was given one to keep. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      topics.close();
      node.stop();
    }
  }
}
