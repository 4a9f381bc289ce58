package io.lambdagateway.gateway.runtime;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

/** What the tests check about real processes. */
final class Processes {

  private Processes() {}

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  static void awaitDead(long pid) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !alive(pid));
  }

  /** The live descendants of this JVM whose command line mentions {@code marker}. */
  static List<ProcessHandle> descendantsMentioning(String marker) {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains(marker))
        .toList();
  }
}
