package io.lambdagateway.gateway.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts runtime processes so that everything they start can be found again, stops them with all of
 * it, and is the safety net against orphans: every live runtime process is registered here, and a
 * JVM shutdown hook kills those still alive if the gateway ends without stopping them.
 *
 * <p>Three nets, because a runaway handler can fork faster than a walk of the process tree:
 *
 * <ol>
 *   <li>the process group: each runtime is started through {@code setsid} (util-linux), so it leads
 *       a session and process group of its own that its children inherit; {@code kill -KILL -PGID}
 *       ends the whole group at once (the kernel makes a fork racing with it fail), however fast it
 *       forks;
 *   <li>the process tree ({@link ProcessHandle#descendants()}), for children that moved to a group
 *       of their own ({@code setsid}, a shell's job control) but still descend from the runtime;
 *   <li>a marker variable ({@value #MARKER_VARIABLE}, unique per environment) found in {@code
 *       /proc/PID/environ}, for a process that left both: e.g. a daemon that double-forked into a
 *       session of its own and was re-parented to init.
 * </ol>
 *
 * <p>What is not caught without cgroups: a process that leaves the group and the tree <em>and</em>
 * was started with a fresh environment without the marker (e.g. {@code setsid env -i daemon}). Only
 * a cgroup (or a container per environment) contains that, as Lambda's own sandbox does; this
 * gateway runs user code as the gateway's own user and is meant for trusted, local code.
 *
 * <p>Where {@code setsid} is missing, or the process did not become a group leader, only the tree
 * and the marker nets apply. A group is only ever signalled when its id is the runtime's own pid,
 * never the gateway's group. All methods block; call them off the event loop.
 */
final class ChildProcesses {

  /** The variable marking every process of one execution environment. */
  static final String MARKER_VARIABLE = "LAMBDA_GATEWAY_ENVIRONMENT";

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcesses.class);
  private static final Optional<Path> SETSID = CommandOnPath.find("setsid");
  private static final Optional<Path> KILL = CommandOnPath.find("kill");
  static final Duration KILL_BUDGET = Duration.ofSeconds(5);
  private static final Duration GROUP_WAIT = Duration.ofSeconds(1);
  private static final Set<RuntimeProcess> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> List.copyOf(LIVE).forEach(ChildProcesses::kill), "runtime-reaper"));
  }

  private ChildProcesses() {}

  /**
   * Starts {@code builder}'s command in a session of its own (prefixed with {@code setsid} when it
   * is available) with a marker variable unique to {@code environmentName} added to the builder's
   * environment, and registers it.
   */
  static RuntimeProcess start(ProcessBuilder builder, String environmentName) throws IOException {
    String value = ProcessHandle.current().pid() + "-" + environmentName + "-" + UUID.randomUUID();
    builder.environment().put(MARKER_VARIABLE, value);
    List<String> command = new ArrayList<>(builder.command());
    SETSID.ifPresent(setsid -> command.add(0, setsid.toString()));
    Process started = builder.command(command).start();
    try {
      RuntimeProcess process =
          new RuntimeProcess(started, ownGroup(started), MARKER_VARIABLE + "=" + value);
      LIVE.add(process);
      return process;
    } catch (RuntimeException | Error failed) {
      started.destroyForcibly();
      throw failed;
    }
  }

  static void unregister(RuntimeProcess process) {
    LIVE.remove(process);
  }

  /**
   * SIGKILL to the process, its group, its descendants and every process carrying its marker,
   * repeated until none is left (for at most {@link #KILL_BUDGET}).
   */
  static void kill(RuntimeProcess process) {
    kill(process, new LinkedHashSet<>());
  }

  /**
   * SIGTERM to the process, its group and its descendants, then, after {@code grace} or as soon as
   * the process has exited, SIGKILL to whatever is left.
   */
  static void stop(RuntimeProcess process, Duration grace) {
    Set<ProcessHandle> tree = new LinkedHashSet<>();
    List<ProcessHandle> running = treeOf(process.handle(), tree);
    process.group().ifPresent(group -> signalGroup(group, "-TERM"));
    running.forEach(ProcessHandle::destroy);
    try {
      process.handle().onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (Exception stillRunning) {
      // it ignored SIGTERM: killed below
    }
    kill(process, tree);
  }

  private static void kill(RuntimeProcess process, Set<ProcessHandle> tree) {
    long until = System.nanoTime() + KILL_BUDGET.toNanos();
    while (true) {
      // the tree is walked before anything dies: orphans are no longer found under the root
      Set<ProcessHandle> found = new LinkedHashSet<>(treeOf(process.handle(), tree));
      ProcessTable.members(process.group(), process.marker())
          .forEach(pid -> ProcessHandle.of(pid).ifPresent(found::add));
      if (found.isEmpty()) {
        return;
      }
      if (System.nanoTime() > until) {
        LOG.warn("pid={} could not kill {} of its processes", process.pid(), found.size());
        return;
      }
      process.group().ifPresent(group -> signalGroup(group, "-KILL"));
      found.forEach(ProcessHandle::destroyForcibly);
      try {
        Thread.sleep(5);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The running processes of the tree: the root, its descendants and those of earlier rounds. */
  private static List<ProcessHandle> treeOf(ProcessHandle root, Set<ProcessHandle> seen) {
    seen.add(root);
    for (ProcessHandle known : List.copyOf(seen)) {
      known.descendants().forEach(seen::add);
    }
    return seen.stream().filter(ProcessTable::running).toList();
  }

  /**
   * The process group the process leads: its pid once {@code setsid} has made it a session leader
   * (a moment after it started), else empty.
   */
  private static OptionalLong ownGroup(Process started) {
    if (SETSID.isEmpty()) {
      return OptionalLong.empty();
    }
    long until = System.nanoTime() + GROUP_WAIT.toNanos();
    while (System.nanoTime() < until) {
      OptionalLong group = ProcessTable.groupOf(started.pid());
      if (group.isEmpty()) {
        return OptionalLong.empty();
      }
      if (group.getAsLong() == started.pid()) {
        return group;
      }
      Thread.onSpinWait();
    }
    LOG.warn(
        "pid={} did not become a process group leader; its group is not tracked", started.pid());
    return OptionalLong.empty();
  }

  /**
   * {@code kill SIGNAL -- -GROUP}: one signal to every process of the group at once. Without a
   * {@code kill} command the members are still signalled one by one, by the callers' other nets.
   */
  private static void signalGroup(long group, String signal) {
    if (KILL.isEmpty()) {
      return;
    }
    try {
      Process kill =
          new ProcessBuilder(KILL.get().toString(), signal, "--", "-" + group)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!kill.waitFor(2, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
      }
    } catch (IOException failed) {
      LOG.warn("group={} could not be signalled: {}", group, failed.toString());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
