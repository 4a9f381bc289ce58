package io.lambdagateway.app.e2e;

import static org.awaitility.Awaitility.await;

import io.lambdagateway.app.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One launcher subcommand ({@code gateway}, {@code pipeline}) as a JVM of its own, on this test's
 * class path (or from the shaded jar named by {@code -Dlauncher.jar}, as benchmarks run it), with
 * its output in {@code <name>.out.log} and {@code <name>.err.log} and none of the project's
 * environment variables (the arguments say everything).
 */
final class LauncherProcess {

  private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");
  private static final List<String> OWN_VARIABLE_PREFIXES =
      List.of("GATEWAY_", "PIPELINE_", "KAFKA_", "SOURCE_", "TARGET_");

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  /** Where this process's output starts in {@code stdout} (earlier runs' output comes before). */
  private final long stdoutStart;

  private LauncherProcess(Process process, Path stdout, Path stderr, long stdoutStart) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    this.stdoutStart = stdoutStart;
  }

  /** Starts {@code Main <args>}; logs go to {@code dir} (appended: restarts share them). */
  static LauncherProcess start(Path dir, String name, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp"));
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    Path out = dir.resolve(name + ".out.log");
    Path err = dir.resolve(name + ".err.log");
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
    builder.redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
    builder
        .environment()
        .keySet()
        .removeIf(variable -> OWN_VARIABLE_PREFIXES.stream().anyMatch(variable::startsWith));
    long outStart = Files.exists(out) ? Files.size(out) : 0;
    return new LauncherProcess(builder.start(), out, err, outStart);
  }

  /** The port from a gateway's banner. */
  int awaitListeningPort() {
    return await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              requireAlive();
              Matcher m = LISTENING.matcher(ownOutput());
              return m.find()
                  ? Optional.of(Integer.parseInt(m.group(1)))
                  : Optional.<Integer>empty();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  private String ownOutput() throws IOException {
    byte[] all = Files.readAllBytes(stdout);
    int from = (int) Math.min(stdoutStart, all.length);
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }

  /** Fails with the process's error output when it exited. */
  void requireAlive() throws IOException {
    if (!process.isAlive()) {
      throw new AssertionError(
          "exited with " + process.exitValue() + ": " + Files.readString(stderr));
    }
  }

  /** SIGKILL, as {@code kill -9}: no shutdown hook runs. Returns when the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, then SIGKILL if it did not exit within 30 s. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
