package io.lambdagateway.kafka;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Checks, before a command starts its clients, that the cluster answers, so that a broker that is
 * away costs one line and the timeout instead of endless client retries (each of which Kafka's
 * {@code NetworkClient} logs as a WARN). First a plain TCP connection to a bootstrap address (a
 * refused or unknown address gives a precise reason at once and no Kafka warning); then an admin
 * client's {@code describeCluster}, which also proves the protocol, TLS and SASL credentials. Both
 * steps together take at most the timeout. Blocks the calling thread: call it from a command's
 * thread, never from an event loop.
 */
public final class KafkaReachability {

  private KafkaReachability() {}

  /**
   * Returns when the cluster of {@code settings} answered within {@code timeout}.
   *
   * @throws KafkaUnreachableException with a one-line reason when it did not
   */
  public static void check(KafkaClientSettings settings, Duration timeout)
      throws KafkaUnreachableException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String servers = settings.bootstrapServers();
    String refused = connectToAny(servers, deadline, timeout);
    if (refused != null) {
      throw new KafkaUnreachableException(servers, refused);
    }
    String unanswered = describeCluster(settings, deadline, timeout);
    if (unanswered != null) {
      throw new KafkaUnreachableException(servers, unanswered);
    }
  }

  /** Null once one bootstrap address accepts a TCP connection, else why the last one did not. */
  private static String connectToAny(String servers, long deadline, Duration timeout) {
    String reason = "no bootstrap address";
    for (String server : servers.split(",")) {
      reason = connect(server.trim(), deadline, timeout);
      if (reason == null) {
        return null;
      }
    }
    return reason;
  }

  private static String connect(String server, long deadline, Duration timeout) {
    int colon = server.lastIndexOf(':');
    if (colon <= 0) {
      return "'" + server + "' is not host:port";
    }
    String host = server.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(server.substring(colon + 1));
    } catch (NumberFormatException e) {
      return "'" + server + "' is not host:port";
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), remainingMillis(deadline));
      return null;
    } catch (UnknownHostException e) {
      return "unknown host " + host;
    } catch (SocketTimeoutException e) {
      return "no connection within " + seconds(timeout);
    } catch (ConnectException e) {
      return "connection refused";
    } catch (IOException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  /** Null when the cluster described itself in time, else why not. */
  private static String describeCluster(
      KafkaClientSettings settings, long deadline, Duration timeout) {
    int millis = remainingMillis(deadline);
    Map<String, Object> props = new HashMap<>(settings.toProperties());
    props.put("request.timeout.ms", millis);
    props.put("default.api.timeout.ms", millis);
    props.put("client.id", "lambda-gateway-reachability");
    Admin admin = null;
    String reason = null;
    try {
      admin = Admin.create(props);
      admin.describeCluster().clusterId().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      reason = "no answer within " + seconds(timeout);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      reason =
          cause instanceof org.apache.kafka.common.errors.TimeoutException
              ? "no answer within " + seconds(timeout)
              : firstLine(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reason = "interrupted";
    } catch (org.apache.kafka.common.KafkaException e) {
      reason = firstLine(e);
    }
    if (admin != null) {
      close(admin, reason == null);
    }
    return reason;
  }

  /**
   * With a request still pending, closing the admin client can take seconds even with a zero
   * timeout (measured here: up to a minute): then it closes on a daemon thread of its own, so the
   * check ends at its deadline.
   */
  private static void close(Admin admin, boolean answered) {
    if (answered) {
      admin.close(Duration.ZERO);
      return;
    }
    Thread closer = new Thread(() -> admin.close(Duration.ZERO), "kafka-reachability-close");
    closer.setDaemon(true);
    closer.start();
  }

  /** At least 1 ms: a zero socket timeout would mean "wait forever". */
  private static int remainingMillis(long deadline) {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
  }

  private static String seconds(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static String firstLine(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      return error.getClass().getSimpleName();
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
