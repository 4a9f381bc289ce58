package io.lambdagateway.gateway.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime process of one environment: starting it with its output pumps and exit watcher,
 * waiting for its output to drain, killing and stopping it. Kept apart from the call lifecycle so
 * that the blocking process work (all of it on worker or pump threads) lives in one place.
 */
final class EnvironmentProcess {

  private static final Logger LOG = LoggerFactory.getLogger(EnvironmentProcess.class);

  /** How long a finished call waits, at most, for its output to reach its log (usually < 1 ms). */
  private static final long DRAIN_MILLIS = 500;

  private final Vertx vertx;
  private final String name;
  private final RuntimeSettings settings;
  private final RuntimeOutput output;
  private volatile RuntimeProcess process;
  private volatile List<OutputPump> pumps = List.of();

  EnvironmentProcess(Vertx vertx, String name, RuntimeSettings settings, RuntimeOutput output) {
    this.vertx = vertx;
    this.name = name;
    this.settings = settings;
    this.output = output;
  }

  /** The started process, or null before it started. */
  RuntimeProcess current() {
    return process;
  }

  /**
   * Starts the process (on a worker) with pumps and an exit watcher calling {@code onExit} on a
   * pool thread. A failure after the process started kills it, so that nothing is left behind.
   */
  RuntimeProcess start(ProcessBuilder builder, Consumer<RuntimeProcess> onExit) throws IOException {
    RuntimeProcess started = ChildProcesses.start(builder, name);
    process = started;
    try {
      watch(started, onExit);
    } catch (IOException | RuntimeException | Error failed) {
      ChildProcesses.kill(started);
      ChildProcesses.unregister(started);
      throw failed;
    }
    return started;
  }

  /** Pumps for its output, the exit watcher. */
  private void watch(RuntimeProcess started, Consumer<RuntimeProcess> onExit) throws IOException {
    Process p = started.process();
    p.getOutputStream().close();
    pumps =
        List.of(
            OutputPump.start(
                name + "-stdout",
                p.getInputStream(),
                p::isAlive,
                settings.maxLineBytes(),
                line -> output.line("stdout", line)),
            OutputPump.start(
                name + "-stderr",
                p.getErrorStream(),
                p::isAlive,
                settings.maxLineBytes(),
                line -> output.line("stderr", line)));
    p.onExit().thenRunAsync(() -> onExit.accept(started));
  }

  /** Blocks until the output read so far has reached its log, at most {@link #DRAIN_MILLIS}. */
  void awaitDrained() {
    OutputPump.awaitDrained(pumps, DRAIN_MILLIS);
  }

  /**
   * Kills the process tree on a worker, if the process started; completes when it is done. A
   * failure is only logged: the returned future always succeeds.
   */
  Future<Void> kill(String function) {
    RuntimeProcess p = process;
    if (p == null) {
      return Future.succeededFuture();
    }
    return vertx
        .<Void>executeBlocking(
            () -> {
              ChildProcesses.kill(p);
              return null;
            },
            false)
        .recover(
            failed -> {
              LOG.warn(
                  "function={} environment={} kill failed: {}", function, name, failed.toString());
              return Future.succeededFuture();
            });
  }

  /** SIGTERM, SIGKILL after {@code grace}, on a worker; done at once if it never started. */
  Future<Void> stop(Duration grace) {
    RuntimeProcess p = process;
    return p == null
        ? Future.succeededFuture()
        : vertx.executeBlocking(
            () -> {
              ChildProcesses.stop(p, grace);
              return null;
            },
            false);
  }

  /** As Go's os.ProcessState prints it; Java reports death by signal N as 128 + N. */
  static String exitStatus(int exitValue) {
    if (exitValue <= 128 || exitValue > 128 + 64) {
      return "exit status " + exitValue;
    }
    return switch (exitValue - 128) {
      case 9 -> "signal: killed";
      case 15 -> "signal: terminated";
      case 11 -> "signal: segmentation fault";
      case 6 -> "signal: aborted";
      case 2 -> "signal: interrupt";
      default -> "signal: " + (exitValue - 128);
    };
  }
}
