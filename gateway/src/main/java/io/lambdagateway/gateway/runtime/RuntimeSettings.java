package io.lambdagateway.gateway.runtime;

import java.time.Duration;

/**
 * How the gateway runs execution environments, for all hosted functions; set by the {@code
 * GATEWAY_RUNTIME_*} settings ({@code --runtime-*} flags), whose defaults are {@link #defaults()}.
 *
 * @param idleTimeout an environment unused this long is stopped (its process ends); the next call
 *     starts a new one (a cold start)
 * @param initTimeout how long a runtime may take to initialise (process start to its first {@code
 *     /next}; 10 s on AWS), apart from the call's timeout; past it the process is killed and the
 *     call fails with {@code Sandbox.Timedout}
 * @param stopGrace on stop, how long a runtime process has between SIGTERM and SIGKILL
 * @param maxLineBytes the longest line of runtime output kept; the rest of a longer line is dropped
 *     and counted
 * @param logLinesPerSecond lines of runtime output per environment and second written to the
 *     gateway's log; more are dropped and counted (the invocation's Tail log keeps them all)
 */
public record RuntimeSettings(
    Duration idleTimeout,
    Duration initTimeout,
    Duration stopGrace,
    int maxLineBytes,
    int logLinesPerSecond) {

  /**
   * Idle environments live 10 minutes, init may take 10 s (AWS's limit), runtimes get 500 ms to
   * stop, lines up to 8 KiB.
   */
  public static RuntimeSettings defaults() {
    return new RuntimeSettings(
        Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofMillis(500), 8192, 1000);
  }

  public RuntimeSettings withIdleTimeout(Duration idle) {
    return new RuntimeSettings(idle, initTimeout, stopGrace, maxLineBytes, logLinesPerSecond);
  }

  public RuntimeSettings withInitTimeout(Duration init) {
    return new RuntimeSettings(idleTimeout, init, stopGrace, maxLineBytes, logLinesPerSecond);
  }
}
