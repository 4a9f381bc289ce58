package io.lambdagateway.kafka.testing;

/**
 * Where the broker's client listener binds and the host name clients are told to connect to. It
 * exists because only the launcher's {@code broker} subcommand serves other hosts: tests keep
 * everything on 127.0.0.1, and the controller and the internal listener always stay there.
 */
record BrokerPlacement(String bindHost, String advertisedHost) {

  static final String LOOPBACK = "127.0.0.1";
  static final String ANY_INTERFACE = "0.0.0.0";

  static final BrokerPlacement LOOPBACK_ONLY = new BrokerPlacement(LOOPBACK, LOOPBACK);

  /** Where this process reaches its own client listener. */
  String localHost() {
    return ANY_INTERFACE.equals(bindHost) ? LOOPBACK : bindHost;
  }
}
