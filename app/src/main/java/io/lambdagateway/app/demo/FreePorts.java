package io.lambdagateway.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks the demo's ports: the wished-for one when it is free, else 0 (any free port). */
final class FreePorts {

  private FreePorts() {}

  /**
   * {@code port} when it can be bound on {@code host} right now, else 0. A probe, not a
   * reservation: another process may still take the port before it is bound for real.
   */
  static int wishedOrAny(String host, int port) {
    if (port == 0) {
      return 0;
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(host))) {
      socket.setReuseAddress(true);
      return port;
    } catch (IOException taken) {
      return 0;
    }
  }

  /**
   * A port free on {@code host} right now, chosen by the system: for a server that must be named
   * before it starts (a probe too, so the same caveat holds).
   */
  static int any(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException none) {
      throw new UncheckedIOException("no free port on " + host, none);
    }
  }
}
