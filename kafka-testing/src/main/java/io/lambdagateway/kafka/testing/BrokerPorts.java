package io.lambdagateway.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The three ports of one KRaft node. Only the client port may be fixed by the caller; the internal
 * listener (needed beside a SASL_SSL client listener) and the controller always take free loopback
 * ports, picked afresh on every start.
 *
 * @param internal the PLAINTEXT listener the broker and its own admin client use; equal to {@code
 *     client} when the client listener is PLAINTEXT already
 */
record BrokerPorts(int client, int internal, int controller) {

  /** Picks the internal and controller ports for a client listener on {@code client}. */
  static BrokerPorts around(int client, ClientListener listener) {
    int internal = listener.needsInternalListener() ? freeLoopbackPort() : client;
    return new BrokerPorts(client, internal, freeLoopbackPort());
  }

  /** True when the broker has a separate internal listener besides the client one. */
  boolean separateInternal() {
    return internal != client;
  }

  /**
   * A port of 127.0.0.1 that was free a moment ago. Another process may take it before the broker
   * binds it, which is why random-port starts are retried ({@link RandomPortRetry}).
   */
  static int freeLoopbackPort() {
    try (ServerSocket socket =
        new ServerSocket(0, 1, InetAddress.getByName(BrokerPlacement.LOOPBACK))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
