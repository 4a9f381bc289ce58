package io.lambdagateway.pipeline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A subcommand of the gateway jar in its own JVM, its output in a log file. The jar must be built:
 * without it the benchmark has no pipeline side and fails.
 */
final class JarProcess implements AutoCloseable {

  private static final Path JAR =
      Path.of(System.getProperty("bench.gatewayJar", "../app/target/lambda-gateway.jar"));

  private final Process process;

  private JarProcess(Process process) {
    this.process = process;
  }

  /** Runs {@code java <jvmFlags> -jar <jar> <arguments>}, stdout and stderr into {@code log}. */
  static JarProcess start(String jvmFlags, List<String> arguments, Path log) throws IOException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: mvn -pl app -am package first");
    }
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(Arrays.asList(jvmFlags.trim().split("\\s+")));
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(arguments);
    Files.createDirectories(log.toAbsolutePath().getParent());
    return new JarProcess(
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
  }

  /** A loopback port free a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** CPU time the JVM has used so far, in ns (0 where the OS does not say). */
  long cpuNanos() {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
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
