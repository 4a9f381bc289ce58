package io.lambdagateway.kafka.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String LOOPBACK = "127.0.0.1";
  private static final String ANY_INTERFACE = "0.0.0.0";

  /** Attempts with fresh random ports: another process may take a port between probe and bind. */
  private static final int RANDOM_PORT_ATTEMPTS = 3;

  private static final long ADMIN_TIMEOUT_SECONDS = 30;

  private final KafkaRaftServer server;
  private final Storage storage;
  private final Placement placement;
  private final int port;

  /**
   * The listener the broker's own admin client uses: PLAINTEXT, internal when clients use SASL_SSL.
   */
  private final int adminPort;

  private final AtomicBoolean closed = new AtomicBoolean();
  private Admin admin;

  private EmbeddedKafkaBroker(
      KafkaRaftServer server, Storage storage, Placement placement, int port, int adminPort) {
    this.server = server;
    this.storage = storage;
    this.placement = placement;
    this.port = port;
    this.adminPort = adminPort;
  }

  /**
   * The interface the client listener binds and the host name clients are told to connect to. The
   * controller and the internal listener always stay on 127.0.0.1.
   */
  private record Placement(String bindHost, String advertisedHost) {
    static final Placement LOOPBACK_ONLY = new Placement(LOOPBACK, LOOPBACK);

    /** Where this process reaches its own client listener. */
    String localHost() {
      return ANY_INTERFACE.equals(bindHost) ? LOOPBACK : bindHost;
    }
  }

  /**
   * The broker's directory (its {@code server.properties} and {@code logs/}); a temporary one is
   * deleted on close, a given one is kept and formatted on its first start only.
   */
  private record Storage(Path dir, boolean temporary) {
    Path logs() {
      return dir.resolve("logs");
    }

    boolean formatted() {
      return Files.exists(logs().resolve("meta.properties"));
    }
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
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    return startWithRetries(port, ClientListener.plaintext());
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
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    BrokerClasses.requirePresent();
    Storage storage =
        dataDir
            .map(dir -> new Storage(createDirectories(dir), false))
            .orElseGet(() -> new Storage(createTempDir(), true));
    return startOnce(
        port == 0 ? freePort() : port,
        ClientListener.plaintext(),
        new Placement(bindHost, advertisedHost),
        storage);
  }

  /**
   * Starts a broker on a random port whose client listener is SASL_SSL: TLS with the key pair in
   * {@code keystore} (PKCS12; its certificate should name 127.0.0.1) and SCRAM-SHA-512
   * authentication of {@code user}. The broker talks to itself over an internal PLAINTEXT listener
   * that {@link #bootstrapServers()} does not expose.
   */
  public static EmbeddedKafkaBroker startSaslSsl(
      String user, String password, Path keystore, String keystorePassword) {
    return startWithRetries(0, ClientListener.saslSsl(user, password, keystore, keystorePassword));
  }

  private static EmbeddedKafkaBroker startWithRetries(int port, ClientListener listener) {
    BrokerClasses.requirePresent();
    int attempts = port == 0 ? RANDOM_PORT_ATTEMPTS : 1;
    RuntimeException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return startOnce(
            port == 0 ? freePort() : port,
            listener,
            Placement.LOOPBACK_ONLY,
            new Storage(createTempDir(), true));
      } catch (RuntimeException e) {
        last = e;
        LOG.warn("Kafka broker start attempt {} of {} failed: {}", attempt, attempts, e.toString());
      }
    }
    throw last;
  }

  private static EmbeddedKafkaBroker startOnce(
      int port, ClientListener listener, Placement placement, Storage storage) {
    KafkaRaftServer server = null;
    try {
      int internalPort = listener.needsInternalListener() ? freePort() : port;
      Properties props =
          serverProperties(port, internalPort, freePort(), storage.logs(), listener, placement);
      // Rewritten on every start: the controller port is picked afresh each time.
      Path propsFile = storage.dir().resolve("server.properties");
      writeProperties(props, propsFile);
      if (!storage.formatted()) {
        formatStorage(propsFile, listener.formatArgs());
      }
      server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
      server.startup();
      LOG.info("Kafka broker serving {} on {}:{}", listener.protocol(), placement.bindHost(), port);
      return new EmbeddedKafkaBroker(server, storage, placement, port, internalPort);
    } catch (RuntimeException e) {
      // A half-started server (e.g. its port was taken) still runs threads: stop them first.
      if (server != null) {
        server.shutdown();
        server.awaitShutdown();
      }
      if (storage.temporary()) {
        deleteRecursively(storage.dir());
      }
      throw new IllegalStateException("cannot start the embedded Kafka broker on port " + port, e);
    }
  }

  /** {@code host:port} of the client listener, for the {@code bootstrap.servers} property. */
  public String bootstrapServers() {
    return placement.advertisedHost() + ":" + port;
  }

  /** The port of the client listener. */
  public int port() {
    return port;
  }

  /**
   * The directory holding the broker's configuration and logs: a temporary one, deleted on close,
   * unless {@link #startStandalone} was given one to keep.
   */
  public Path dataDir() {
    return storage.dir();
  }

  /**
   * Creates a topic with replication factor 1 and waits until every partition has a leader.
   *
   * @throws IllegalStateException when the topic exists already or is not created in 30 s
   */
  public void createTopic(String name, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
    }
    Admin client = admin();
    await(
        client.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all(),
        "create topic " + name);
    awaitLeaders(client, name, partitions);
  }

  /**
   * Like {@link #createTopic}, but a topic that exists already (a restart on a kept data dir) is
   * left as it is, whatever its partition count.
   */
  public void createTopicIfMissing(String name, int partitions) {
    if (!await(admin().listTopics().names(), "list topics").contains(name)) {
      createTopic(name, partitions);
    }
  }

  /**
   * Polls until every partition has a leader, within {@link #ADMIN_TIMEOUT_SECONDS}. Right after
   * the creation the broker's metadata may not know the topic yet: describing it then fails with
   * {@link UnknownTopicOrPartitionException}, which counts as "not ready yet".
   */
  private void awaitLeaders(Admin client, String name, int partitions) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ADMIN_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      Optional<TopicDescription> topic = describeIfKnown(client, name);
      if (topic.isPresent() && hasLeaders(topic.get(), partitions)) {
        return;
      }
      sleepBriefly();
    }
    throw new IllegalStateException(
        "topic "
            + name
            + " has no leader for every partition after "
            + ADMIN_TIMEOUT_SECONDS
            + " s");
  }

  /** The topic's description, or empty while the broker's metadata does not know it yet. */
  private static Optional<TopicDescription> describeIfKnown(Admin client, String name) {
    try {
      Map<String, TopicDescription> described =
          await(client.describeTopics(Set.of(name)).allTopicNames(), "describe topic " + name);
      return Optional.of(described.get(name));
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static boolean hasLeaders(TopicDescription topic, int partitions) {
    return topic.partitions().size() == partitions
        && topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
  }

  /** Stops the broker and deletes its directory unless it was given one to keep. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (admin != null) {
        admin.close();
      }
    }
    server.shutdown();
    server.awaitShutdown();
    if (storage.temporary()) {
      deleteRecursively(storage.dir());
    }
    LOG.info("Kafka broker on port {} stopped", port);
  }

  private synchronized Admin admin() {
    if (closed.get()) {
      throw new IllegalStateException("broker closed");
    }
    if (admin == null) {
      String host = adminPort == port ? placement.localHost() : LOOPBACK;
      admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, host + ":" + adminPort));
    }
    return admin;
  }

  private static Properties serverProperties(
      int port,
      int internalPort,
      int controllerPort,
      Path logDir,
      ClientListener listener,
      Placement placement) {
    Properties props = new Properties();
    String controller = "CONTROLLER://" + LOOPBACK + ":" + controllerPort;
    String clients = listener.protocol() + "://" + placement.bindHost() + ":" + port;
    String advertised = listener.protocol() + "://" + placement.advertisedHost() + ":" + port;
    String internal =
        listener.needsInternalListener()
            ? "PLAINTEXT://" + LOOPBACK + ":" + internalPort + ","
            : "";
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@" + LOOPBACK + ":" + controllerPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listeners", internal + clients + "," + controller);
    props.put("advertised.listeners", internal + advertised);
    props.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    // One node: the default replication factor 3 would leave __consumer_offsets uncreatable.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    // The 3 s default delays the first group join of every test.
    props.put("group.initial.rebalance.delay.ms", "0");
    // The 128 MiB default would take that much heap in every test JVM.
    props.put("log.cleaner.dedupe.buffer.size", "2097152");
    props.putAll(listener.serverProperties());
    return props;
  }

  private static void formatStorage(Path propsFile, List<String> extraArgs) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    List<String> argList =
        new ArrayList<>(
            List.of("format", "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString()));
    argList.addAll(extraArgs);
    String[] args = argList.toArray(String[]::new);
    int exitCode;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode = StorageTool.execute(args, out);
    }
    if (exitCode != 0) {
      throw new IllegalStateException(
          "kafka storage format failed ("
              + exitCode
              + "): "
              + output.toString(StandardCharsets.UTF_8));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("embedded-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the broker's temp dir", e);
    }
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the broker's data dir " + dir, e);
    }
  }

  private static void writeProperties(Properties props, Path file) {
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      props.store(out, "embedded single-node KRaft broker");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(EmbeddedKafkaBroker::deleteQuietly);
    } catch (IOException e) {
      LOG.warn("cannot delete the broker's temp dir {}", dir, e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("cannot delete {}", path, e);
    }
  }

  private static <T> T await(Future<T> future, String what) {
    try {
      return future.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + " timed out after " + ADMIN_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for topic leaders", e);
    }
  }
}
