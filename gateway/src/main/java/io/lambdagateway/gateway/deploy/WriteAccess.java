package io.lambdagateway.gateway.deploy;

import io.lambdagateway.gateway.GatewayConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Whether the API's write calls are on. They run code a caller sends on this machine, so they are
 * on only when no one else can call them: the gateway listens on a loopback address only, or every
 * API request must carry a SigV4 signature made with a configured key ({@code --aws-credentials}).
 */
public final class WriteAccess {

  private final Optional<String> refusal;

  private WriteAccess(Optional<String> refusal) {
    this.refusal = refusal;
  }

  /** Decides once, at start-up (resolving the host name may block). */
  public static WriteAccess of(GatewayConfig config) {
    if (!config.awsCredentials().isEmpty() || isLoopback(config.host())) {
      return new WriteAccess(Optional.empty());
    }
    return new WriteAccess(
        Optional.of(
            "Deploying, changing and deleting functions runs code sent over the network on this "
                + "machine, so it is off while the gateway listens on "
                + config.host()
                + " without SigV4 verification: listen on 127.0.0.1 or configure access keys "
                + "(--aws-credentials / GATEWAY_AWS_CREDENTIALS)"));
  }

  /** Why write calls are refused, or empty when they are allowed. */
  public Optional<String> refusal() {
    return refusal;
  }

  private static boolean isLoopback(String host) {
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      for (InetAddress address : all) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException unknown) {
      return false;
    }
  }
}
