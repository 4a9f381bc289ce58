package io.lambdagateway.gateway.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stops runtime processes with everything they started, and is the safety net against orphans:
 * every live runtime process is registered here, and a JVM shutdown hook kills those still alive
 * (with their descendants) if the gateway ends without stopping them. All methods block; call them
 * off the event loop.
 */
final class ChildProcesses {

  private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> List.copyOf(LIVE).forEach(ChildProcesses::kill), "runtime-reaper"));
  }

  private ChildProcesses() {}

  static void register(ProcessHandle process) {
    LIVE.add(process);
  }

  static void unregister(ProcessHandle process) {
    LIVE.remove(process);
  }

  /** SIGKILL to the process and all its descendants, repeated until none is left. */
  static void kill(ProcessHandle root) {
    // descendants are collected before the root dies: orphans are no longer found under it
    Set<ProcessHandle> seen = new LinkedHashSet<>();
    for (int round = 0; round < 10; round++) {
      List<ProcessHandle> tree = treeOf(root, seen);
      if (tree.isEmpty()) {
        return;
      }
      tree.forEach(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * SIGTERM to the process and its descendants, then, after {@code grace}, SIGKILL to whatever is
   * left.
   */
  static void stop(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = treeOf(root, new LinkedHashSet<>());
    tree.forEach(ProcessHandle::destroy);
    try {
      root.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (Exception stillRunning) {
      // it ignored SIGTERM: killed below
    }
    tree.forEach(ProcessHandle::destroyForcibly);
    kill(root);
  }

  /** The live processes of the tree: the root, its descendants and those of earlier rounds. */
  private static List<ProcessHandle> treeOf(ProcessHandle root, Set<ProcessHandle> seen) {
    seen.add(root);
    for (ProcessHandle known : List.copyOf(seen)) {
      known.descendants().forEach(seen::add);
    }
    List<ProcessHandle> alive = new ArrayList<>();
    seen.forEach(
        p -> {
          if (p.isAlive()) {
            alive.add(p);
          }
        });
    return alive;
  }
}
