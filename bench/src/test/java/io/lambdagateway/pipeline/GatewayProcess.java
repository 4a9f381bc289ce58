package io.lambdagateway.pipeline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway jar in its own JVM on a free loopback port, launched with {@code
 * -Dbench.gatewayJvmFlags} (bench/memory/jvm-flags.sh's documented launch, passed by the run
 * script). The jar must be built: without it the benchmark has no pipeline side and fails.
 */
final class GatewayProcess implements AutoCloseable {

  static final String PUBLIC_IP = "203.0.113.7";
  private static final Path JAR =
      Path.of(System.getProperty("bench.gatewayJar", "../app/target/lambda-gateway.jar"));
  private static final String JVM_FLAGS =
      System.getProperty("bench.gatewayJvmFlags", "-XX:+UseSerialGC -Xmx160m");

  private final Process process;
  private final int port;

  private GatewayProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static GatewayProcess start(Path log) throws Exception {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: mvn -pl app -am package first");
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(Arrays.asList(JVM_FLAGS.trim().split("\\s+")));
    command.addAll(
        List.of(
            "-jar",
            JAR.toString(),
            "gateway",
            "--host=127.0.0.1",
            "--port=" + port,
            "--enricher-public-ip=" + PUBLIC_IP));
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    GatewayProcess gateway = new GatewayProcess(process, port);
    if (!gateway.awaitListening()) {
      gateway.close();
      throw new IllegalStateException("the gateway did not start, see " + log);
    }
    return gateway;
  }

  /** CPU time the gateway's JVM has used so far, in ns (0 where the OS does not say). */
  long cpuNanos() {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  private boolean awaitListening() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return true;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    return false;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
