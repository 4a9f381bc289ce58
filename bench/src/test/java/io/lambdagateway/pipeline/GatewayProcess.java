package io.lambdagateway.pipeline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The gateway jar's gateway in its own JVM on a free loopback port, launched with {@code
 * -Dbench.gatewayJvmFlags} (bench/memory/jvm-flags.sh's documented launch, passed by the run
 * script).
 */
final class GatewayProcess implements AutoCloseable {

  static final String PUBLIC_IP = "203.0.113.7";
  private static final String JVM_FLAGS =
      System.getProperty("bench.gatewayJvmFlags", "-XX:+UseSerialGC -Xmx160m");

  private final JarProcess process;
  private final int port;

  private GatewayProcess(JarProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  static GatewayProcess start(Path log) throws Exception {
    int port = JarProcess.freePort();
    JarProcess process =
        JarProcess.start(
            JVM_FLAGS,
            List.of(
                "gateway",
                "--host=127.0.0.1",
                "--port=" + port,
                "--enricher-public-ip=" + PUBLIC_IP),
            log);
    GatewayProcess gateway = new GatewayProcess(process, port);
    if (!gateway.awaitListening()) {
      gateway.close();
      throw new IllegalStateException("the gateway did not start, see " + log);
    }
    return gateway;
  }

  /** CPU ms the JIT compiler threads of the gateway's JVM have used so far. */
  long compilerMillis() {
    return CompilerThreads.cpuMillis(process.pid());
  }

  /** CPU time the gateway's JVM has used so far, in ns (0 where the OS does not say). */
  long cpuNanos() {
    return process.cpuNanos();
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
    process.close();
  }
}
