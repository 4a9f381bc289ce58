package io.lambdagateway.app.container;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits until {@code GET <health URI>} answers 200, for a container in the host network (no mapped
 * ports, so Testcontainers' HTTP wait cannot be used). Fails at once when the container exits
 * instead of waiting out the startup timeout.
 */
final class HealthEndpointWaitStrategy extends AbstractWaitStrategy {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  private final URI health;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  HealthEndpointWaitStrategy(URI health) {
    this.health = health;
  }

  @Override
  protected void waitUntilReady() {
    Awaitility.await("GET " + health + " answers 200")
        .atMost(startupTimeout)
        .pollDelay(Duration.ZERO)
        .pollInterval(POLL_INTERVAL)
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(this::healthy);
  }

  private boolean healthy() throws IOException, InterruptedException {
    if (!waitStrategyTarget.isRunning()) {
      throw new ContainerLaunchException("the container exited before " + health + " answered");
    }
    HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1)).build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
  }
}
