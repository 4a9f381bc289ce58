package io.lambdagateway.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The gateway jar's single-node broker in its own JVM on a free loopback port, launched with {@code
 * -Dbench.brokerJvmFlags}. Why its own JVM: in the benchmark's JVM, every collection the side under
 * test caused stopped the broker too, and every full collection marked and moved the broker's heap
 * as well as the side's; a broker never shares a heap with its clients in a deployment.
 */
final class BrokerProcess implements AutoCloseable {

  /** Kafka's own start script gives a broker 1 GB; half of it is plenty for one benchmark. */
  private static final String JVM_FLAGS =
      System.getProperty("bench.brokerJvmFlags", "-XX:+UseSerialGC -Xmx512m");

  private final JarProcess process;
  private final int port;

  private BrokerProcess(JarProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts it and waits until it serves; its data lives in {@code dataDir}. */
  static BrokerProcess start(Path dataDir, Path log) throws Exception {
    int port = JarProcess.freePort();
    Path ready = dataDir.resolve("ready");
    JarProcess process =
        JarProcess.start(
            JVM_FLAGS,
            List.of(
                "broker",
                "--port=" + port,
                "--data-dir=" + dataDir.resolve("kafka"),
                "--ready-file=" + ready,
                "--log-level=WARN"),
            log);
    BrokerProcess broker = new BrokerProcess(process, port);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.exists(ready) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (!Files.exists(ready)) {
      broker.close();
      throw new IllegalStateException("the broker did not start, see " + log);
    }
    return broker;
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** CPU ms the JIT compiler threads of the broker's JVM have used so far. */
  long compilerMillis() {
    return CompilerThreads.cpuMillis(process.pid());
  }

  /** CPU time the broker's JVM has used so far, in ns (0 where the OS does not say). */
  long cpuNanos() {
    return process.cpuNanos();
  }

  @Override
  public void close() {
    process.close();
  }
}
