package io.lambdagateway.gateway;

import io.lambdagateway.gateway.platform.HostedFunction;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real gateway for a test: 127.0.0.1, a free port, the enricher with the golden public IP, strict
 * blocked-thread checking, plus the test functions {@code probe} (event loop) and {@code blocking}
 * (worker).
 */
final class TestGateway implements AutoCloseable {

  static final String PUBLIC_IP = "203.0.113.7";
  static final long MAX_EVENT_LOOP_MILLIS = 500;

  final Gateway gateway;

  private TestGateway(Gateway gateway) {
    this.gateway = gateway;
  }

  static TestGateway start() {
    return start(Map.of());
  }

  /** Starts with the test defaults overridden by {@code settings} (keyed by env name). */
  static TestGateway start(Map<String, String> settings) {
    return start(settings, Duration.ofSeconds(10), OptionalInt.empty());
  }

  /** Starts with a given timeout and reserved concurrency for the {@code probe} function. */
  static TestGateway start(
      Map<String, String> settings, Duration probeTimeout, OptionalInt probeReservedConcurrency) {
    Map<String, String> all =
        new HashMap<>(
            Map.of(
                "GATEWAY_HOST", "127.0.0.1",
                "GATEWAY_PORT", "0",
                "GATEWAY_INSTANCES", "2",
                "ENRICHER_PUBLIC_IP", PUBLIC_IP));
    all.putAll(settings);
    GatewayConfig config = GatewayConfig.fromSettings(all);
    List<HostedFunction> functions =
        List.of(
            new HostedFunction(
                "probe", new ProbeFunction(), probeTimeout, 256, probeReservedConcurrency),
            Gateway.host(config, "blocking", new BlockingFunction()));
    VertxOptions strict =
        new VertxOptions()
            .setBlockedThreadCheckInterval(50)
            .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
            .setMaxEventLoopExecuteTime(MAX_EVENT_LOOP_MILLIS)
            .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setWarningExceptionTime(MAX_EVENT_LOOP_MILLIS)
            .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
    return new TestGateway(Gateway.start(config, functions, strict).await());
  }

  /**
   * A gateway on a free port with the golden public IP and Vert.x's default checks, hosting besides
   * the enricher the functions {@code functions} makes from its configuration (with {@link
   * Gateway#host}, say).
   */
  static Gateway hosting(Function<GatewayConfig, List<HostedFunction>> functions) {
    GatewayConfig config =
        GatewayConfig.fromSettings(Map.of("GATEWAY_PORT", "0", "ENRICHER_PUBLIC_IP", PUBLIC_IP));
    return Gateway.start(config, functions.apply(config), new VertxOptions()).await();
  }

  int port() {
    return gateway.port();
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  @Override
  public void close() {
    gateway.close().await();
  }
}
