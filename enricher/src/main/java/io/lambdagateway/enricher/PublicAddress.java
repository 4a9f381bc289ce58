package io.lambdagateway.enricher;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Finds this host's public IPv4 address, as the public example's function did, but once at start-up
 * rather than per call.
 *
 * <p>It asks {@value #DEFAULT_SERVICE} (one GET, answer = the address as text) and waits at most
 * {@link #DEFAULT_TIMEOUT} in all, name resolution included. When that fails (offline, timeout, an
 * answer that is not an IPv4 address) it falls back to the first IPv4 address of an up,
 * non-loopback network interface, and to {@code 127.0.0.1} when there is none. The fallback is a
 * guess, not a public address: set {@code ENRICHER_PUBLIC_IP} where it matters.
 *
 * <p>Blocking: call it from a main thread or a worker, never from an event loop.
 */
public final class PublicAddress {

  public static final String DEFAULT_SERVICE = "https://checkip.amazonaws.com";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final String LOOPBACK = "127.0.0.1";

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  private PublicAddress() {}

  /** The public address from {@value #DEFAULT_SERVICE}, or the documented fallback. */
  public static String discover() {
    return discover(URI.create(DEFAULT_SERVICE), DEFAULT_TIMEOUT);
  }

  /** The address that {@code service} answers within {@code timeout}, or the fallback. */
  public static String discover(URI service, Duration timeout) {
    return askService(service, timeout).orElseGet(PublicAddress::localFallback);
  }

  /** The address that {@code service} answers within {@code timeout}, if it answers one. */
  static Optional<String> askService(URI service, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request = HttpRequest.newBuilder(service).timeout(timeout).GET().build();
    try {
      HttpResponse<String> response =
          client
              .sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      String body = response.body().trim();
      return response.statusCode() == 200 && IPV4.matcher(body).matches()
          ? Optional.of(body)
          : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    }
  }

  /** The first IPv4 address of an up, non-loopback interface, else {@value #LOOPBACK}. */
  static String localFallback() {
    try {
      Enumeration<NetworkInterface> networks = NetworkInterface.getNetworkInterfaces();
      if (networks == null) {
        return LOOPBACK;
      }
      for (NetworkInterface network : Collections.list(networks)) {
        if (network.isUp() && !network.isLoopback()) {
          for (InetAddress address : Collections.list(network.getInetAddresses())) {
            if (address instanceof Inet4Address) {
              return address.getHostAddress();
            }
          }
        }
      }
    } catch (SocketException unreadable) {
      // No readable interface list: the loopback address is the only safe answer left.
    }
    return LOOPBACK;
  }
}
