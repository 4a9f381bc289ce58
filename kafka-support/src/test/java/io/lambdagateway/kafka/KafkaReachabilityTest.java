package io.lambdagateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KafkaReachability")
class KafkaReachabilityTest {

  @Test
  @DisplayName("A closed port is reported at once as one line: connection refused")
  void refusedPort() throws IOException {
    String address = "127.0.0.1:" + closedPort();
    long start = System.nanoTime();

    assertThatThrownBy(
            () -> KafkaReachability.check(KafkaClientSettings.plaintext(address), seconds(5)))
        .isInstanceOf(KafkaUnreachableException.class)
        .hasMessage("cannot reach Kafka at " + address + " (connection refused)")
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(seconds(5));
  }

  @Test
  @DisplayName("A port that accepts connections but never speaks Kafka fails within the timeout")
  void silentListener() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = acceptQuietly(silent);
      String address = "127.0.0.1:" + silent.getLocalPort();
      long start = System.nanoTime();

      assertThatThrownBy(
              () ->
                  KafkaReachability.check(
                      KafkaClientSettings.plaintext(address), Duration.ofMillis(1500)))
          .isInstanceOf(KafkaUnreachableException.class)
          .hasMessage("cannot reach Kafka at " + address + " (no answer within 1500 ms)");
      // the timeout, plus the admin client's first start on a busy machine
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(seconds(8));
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  @DisplayName("The last of several dead bootstrap addresses gives the reason")
  void severalAddresses() throws IOException {
    String servers = "127.0.0.1:" + closedPort() + ",no-such-host.invalid:9092";

    assertThatThrownBy(
            () -> KafkaReachability.check(KafkaClientSettings.plaintext(servers), seconds(5)))
        .hasMessage("cannot reach Kafka at " + servers + " (unknown host no-such-host.invalid)");
  }

  private static Duration seconds(long n) {
    return Duration.ofSeconds(n);
  }

  /** A port nothing listens on: bound once, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Accepts connections on a daemon thread and keeps them open without answering. */
  private static List<Socket> acceptQuietly(ServerSocket server) {
    List<Socket> accepted = new ArrayList<>();
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket socket = server.accept();
                  synchronized (accepted) {
                    accepted.add(socket);
                  }
                }
              } catch (IOException closed) {
                // the test closed the server socket
              }
            },
            "silent-kafka");
    acceptor.setDaemon(true);
    acceptor.start();
    return accepted;
  }
}
