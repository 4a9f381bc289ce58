package io.lambdagateway.kafka.testing;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running in-process KRaft server with its storage, ports and placement: the broker's lifecycle
 * from prepared directory to stopped server. It exists so that a failed start cleans up after
 * itself as fully as {@link #stop()} does, and {@link EmbeddedKafkaBroker} only chooses what to
 * start.
 */
record KraftNode(
    KafkaRaftServer server, BrokerStorage storage, BrokerPlacement placement, BrokerPorts ports) {

  private static final Logger LOG = LoggerFactory.getLogger(KraftNode.class);

  /**
   * Starts a node whose client listener takes {@code clientPort}; returns once it serves requests.
   *
   * @throws IllegalStateException when it cannot start; its threads are stopped and a temporary
   *     storage deleted by then
   */
  static KraftNode start(
      int clientPort, ClientListener listener, BrokerPlacement placement, BrokerStorage storage) {
    KafkaRaftServer server = null;
    try {
      BrokerPorts ports = BrokerPorts.around(clientPort, listener);
      var props = SingleNodeServerProperties.of(ports, storage.logs(), listener, placement);
      storage.prepare(props, listener.formatArgs());
      server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
      server.startup();
      LOG.info(
          "Kafka broker serving {} on {}:{}",
          listener.protocol(),
          placement.bindHost(),
          clientPort);
      return new KraftNode(server, storage, placement, ports);
    } catch (RuntimeException e) {
      // A half-started server (e.g. its port was taken) still runs threads: stop them first.
      if (server != null) {
        server.shutdown();
        server.awaitShutdown();
      }
      storage.deleteIfTemporary();
      throw new IllegalStateException(
          "cannot start the embedded Kafka broker on port " + clientPort, e);
    }
  }

  /**
   * {@code host:port} where this process reaches the node's PLAINTEXT listener: the internal one
   * when clients use another protocol, else the client listener.
   */
  String adminBootstrapServers() {
    String host = ports.separateInternal() ? BrokerPlacement.LOOPBACK : placement.localHost();
    return host + ":" + ports.internal();
  }

  /** Stops the server and deletes its storage if that is temporary. Call once. */
  void stop() {
    server.shutdown();
    server.awaitShutdown();
    storage.deleteIfTemporary();
    LOG.info("Kafka broker on port {} stopped", ports.client());
  }
}
