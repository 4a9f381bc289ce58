package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.function.Invocation;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution environments of one function. A call takes the most recently used idle environment
 * (the warmest), else starts a new one; so N concurrent calls run in N environments. The number of
 * concurrent calls, and so of busy environments, is bounded by the platform's concurrency limiter
 * (the function's reserved concurrency, else the gateway-wide limit) before a call gets here.
 * Environments idle for {@link RuntimeSettings#idleTimeout()} are stopped. Closing waits, at most
 * {@link #closeBound()}, for every stop, kill and exit clean-up still running, also those of
 * environments that died before: a task that finished after Vert.x had closed found its event loop
 * gone ({@code RejectedExecutionException} in test runs). Thread-safe.
 */
final class EnvironmentPool implements ExecutionEnvironment.Owner {

  private static final Logger LOG = LoggerFactory.getLogger(EnvironmentPool.class);

  private final Vertx vertx;
  private final FunctionSpec spec;
  private final RuntimeLauncher launcher;
  private final RuntimeSettings settings;
  private final String region;
  private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
  private final Set<ExecutionEnvironment> live = new LinkedHashSet<>();
  private final Set<Future<Void>> ending = new LinkedHashSet<>();
  private final long sweeper;
  private boolean closed;

  EnvironmentPool(
      Vertx vertx,
      FunctionSpec spec,
      RuntimeLauncher launcher,
      RuntimeSettings settings,
      String region) {
    this.vertx = vertx;
    this.spec = spec;
    this.launcher = launcher;
    this.settings = settings;
    this.region = region;
    long period =
        Math.max(
            50, Math.min(settings.idleTimeout().toMillis() / 2, Duration.ofSeconds(30).toMillis()));
    this.sweeper = vertx.setPeriodic(period, t -> stopIdle());
  }

  /** Runs one call in a warm environment or a new one; completes on the caller's context. */
  Future<Buffer> invoke(Buffer event, Invocation inv) {
    ExecutionEnvironment env;
    synchronized (this) {
      if (closed) {
        return Future.failedFuture(
            new IllegalStateException("function " + spec.name() + " closed"));
      }
      env = idle.pollFirst();
      if (env == null) {
        env = ExecutionEnvironment.launch(vertx, spec, launcher, settings, region, this);
        live.add(env);
      }
    }
    ExecutionEnvironment chosen = env;
    return chosen.invoke(event, inv).andThen(done -> release(chosen));
  }

  /**
   * Stops every environment and waits for the stops and kills still running; no call is accepted
   * afterwards.
   */
  Future<Void> close() {
    List<ExecutionEnvironment> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(live);
      live.clear();
      idle.clear();
    }
    vertx.cancelTimer(sweeper);
    all.forEach(env -> track(env.stop()));
    List<Future<Void>> pending;
    synchronized (this) {
      pending = new ArrayList<>(ending);
    }
    return bounded(pending);
  }

  /**
   * When all of {@code pending} have completed, or success after {@link #closeBound()} with a
   * warning: a process that does not die (stuck in the kernel) must not hold the gateway's
   * shutdown.
   */
  private Future<Void> bounded(List<Future<Void>> pending) {
    Promise<Void> done = Promise.promise();
    long bound = closeBound().toMillis();
    long timer =
        vertx.setTimer(
            bound,
            t -> {
              if (done.tryComplete()) {
                LOG.warn(
                    "function={} closed with {} of its process tasks still running after {} ms",
                    spec.name(),
                    pending.stream().filter(task -> !task.isComplete()).count(),
                    bound);
              }
            });
    Future.join(pending)
        .onComplete(
            finished -> {
              vertx.cancelTimer(timer);
              done.tryComplete();
            });
    return done.future();
  }

  /**
   * The longest a close waits: the stop's grace and its kill, during which the exits' clean-ups
   * (output drain, their own kills, the listeners' close) run, plus a second.
   */
  Duration closeBound() {
    return settings.stopGrace().plus(ChildProcesses.KILL_BUDGET).plusSeconds(1);
  }

  @Override
  public void track(Future<Void> work) {
    synchronized (this) {
      ending.add(work);
    }
    work.onComplete(done -> forget(work));
  }

  private synchronized void forget(Future<Void> work) {
    ending.remove(work);
  }

  private synchronized void release(ExecutionEnvironment env) {
    if (!closed && env.state() == ExecutionEnvironment.State.IDLE && live.contains(env)) {
      idle.addFirst(env);
    }
  }

  @Override
  public synchronized void died(ExecutionEnvironment env) {
    live.remove(env);
    idle.remove(env);
  }

  private void stopIdle() {
    long cutoff = System.currentTimeMillis() - settings.idleTimeout().toMillis();
    List<ExecutionEnvironment> expired = new ArrayList<>();
    synchronized (this) {
      idle.removeIf(
          env -> {
            boolean old = env.lastUsedMillis() < cutoff;
            if (old) {
              expired.add(env);
            }
            return old;
          });
      expired.forEach(live::remove);
    }
    expired.forEach(env -> track(env.stop()));
  }
}
