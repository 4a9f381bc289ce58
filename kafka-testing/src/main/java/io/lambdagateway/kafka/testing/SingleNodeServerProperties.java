package io.lambdagateway.kafka.testing;

import static io.lambdagateway.kafka.testing.BrokerPlacement.LOOPBACK;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The {@code server.properties} of a combined broker + controller KRaft node that is the whole
 * cluster. It exists to keep in one place the settings without which one node misbehaves: Kafka's
 * defaults assume three brokers and a large heap (see the comments below).
 */
final class SingleNodeServerProperties {

  private SingleNodeServerProperties() {}

  /** The node's properties: listeners on {@code ports}, logs in {@code logDir}. */
  static Properties of(
      BrokerPorts ports, Path logDir, ClientListener listener, BrokerPlacement placement) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@" + LOOPBACK + ":" + ports.controller());
    props.put("controller.listener.names", "CONTROLLER");
    putListeners(props, ports, listener, placement);
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

  /**
   * The client listener on the placement's hosts, the controller on loopback, and an internal
   * PLAINTEXT listener on loopback when the client listener is not PLAINTEXT itself.
   */
  private static void putListeners(
      Properties props, BrokerPorts ports, ClientListener listener, BrokerPlacement placement) {
    String controller = "CONTROLLER://" + LOOPBACK + ":" + ports.controller();
    String clients = listener.protocol() + "://" + placement.bindHost() + ":" + ports.client();
    String advertised =
        listener.protocol() + "://" + placement.advertisedHost() + ":" + ports.client();
    String internal =
        listener.needsInternalListener()
            ? "PLAINTEXT://" + LOOPBACK + ":" + ports.internal() + ","
            : "";
    props.put("listeners", internal + clients + "," + controller);
    props.put("advertised.listeners", internal + advertised);
    props.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
  }
}
