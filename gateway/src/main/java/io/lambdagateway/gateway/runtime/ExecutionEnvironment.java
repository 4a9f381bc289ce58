package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.function.Invocation;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution environment: one runtime process with its own Runtime API listener, serving one
 * invocation at a time. States: starting (process launched, no {@code /next} yet) → idle ⇄ busy →
 * dead. The first call is given to the runtime as soon as it asks, and its REPORT shows the {@code
 * Init Duration} (process start to first {@code /next}); as on Lambda, init is bounded on its own
 * and the call's timeout counts from its end.
 *
 * <p>This class is the lifecycle and state machine; the process runs in the code directory with the
 * variables of {@link RuntimeEnvironmentVariables} and is handled by {@link EnvironmentProcess},
 * calls are timed by {@link CallDeadlines}, and the REPORT is measured by {@link CallReport}.
 *
 * <p>Failures: at the deadline the call fails with {@code Sandbox.Timedout} and the process tree is
 * killed; a process that exits is {@code Runtime.ExitError} for the call it was serving; an init
 * error it posts fails the waiting call with that error. A dead environment is never reused. All
 * process work (start, waits, {@code /proc} reads, kills) runs on worker threads; the output is
 * read by {@link OutputPump} threads.
 *
 * <p>Why about 290 lines: this is the environment's state machine, and its failure handlers
 * (timeout, exit, start failure) change that state; kept beside it, every transition reads in one
 * place. What is not state moved out: {@link EnvironmentProcess}, {@link CallDeadlines}, {@link
 * CallReport}, {@link RuntimeEnvironmentVariables}.
 */
final class ExecutionEnvironment {

  /** What an environment tells the pool that launched it. */
  interface Owner {
    /** Called once when the environment dies (process exit, kill or stop). */
    void died(ExecutionEnvironment env);

    /**
     * Process work that outlives the call that started it (a kill, the environment's own end); the
     * owner's close waits for it, so that its result never reaches an event loop of a closed
     * Vert.x.
     */
    void track(Future<Void> work);
  }

  enum State {
    STARTING,
    IDLE,
    BUSY,
    DEAD
  }

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionEnvironment.class);
  private static final AtomicLong IDS = new AtomicLong();

  private final Vertx vertx;
  private final FunctionSpec spec;
  private final RuntimeLauncher launcher;
  private final RuntimeSettings settings;
  private final String region;
  private final Owner owner;
  private final RuntimeChannel channel = new RuntimeChannel();
  private final RuntimeOutput output;
  private final String name;
  private final AtomicBoolean dead = new AtomicBoolean();
  private final EnvironmentProcess process;
  private final CallReport report = new CallReport();
  private final CallDeadlines deadlines;
  private volatile State state = State.STARTING;
  private volatile RuntimeApiServer server;
  private volatile String serving;
  private volatile long lastUsedMillis = System.currentTimeMillis();
  // the environment's end: its process exited and was cleaned up after, or it never started
  private final Promise<Void> ended = Promise.promise();

  private ExecutionEnvironment(
      Vertx vertx,
      FunctionSpec spec,
      RuntimeLauncher launcher,
      RuntimeSettings settings,
      String region,
      Owner owner) {
    this.vertx = vertx;
    this.spec = spec;
    this.launcher = launcher;
    this.settings = settings;
    this.region = region;
    this.owner = owner;
    this.output = new RuntimeOutput(spec.name(), settings.logLinesPerSecond());
    this.name = spec.name() + "-" + IDS.incrementAndGet();
    this.process = new EnvironmentProcess(vertx, name, settings, output);
    this.deadlines =
        new CallDeadlines(vertx, channel, settings, this::initTimedOut, this::timedOut);
  }

  /**
   * Starts an environment; it can be given its first call at once.
   *
   * @param owner told when the environment dies and of process work that outlives a call
   */
  static ExecutionEnvironment launch(
      Vertx vertx,
      FunctionSpec spec,
      RuntimeLauncher launcher,
      RuntimeSettings settings,
      String region,
      Owner owner) {
    ExecutionEnvironment env =
        new ExecutionEnvironment(vertx, spec, launcher, settings, region, owner);
    env.start();
    return env;
  }

  State state() {
    return state;
  }

  /** When the last call ended (epoch ms), for the idle timeout. */
  long lastUsedMillis() {
    return lastUsedMillis;
  }

  /**
   * Runs one call; call on the caller's Vert.x context, one call at a time (the pool ensures it).
   * The returned future completes on that context.
   */
  Future<Buffer> invoke(Buffer event, Invocation inv) {
    Context caller = vertx.getOrCreateContext();
    state = State.BUSY;
    serving = inv.requestId();
    output.serving(inv.requestId(), inv.log());
    return deadlines
        .invokePhase(inv)
        .compose(deadline -> deadlines.dispatch(event, inv, deadline))
        .transform(
            result ->
                caller
                    .executeBlocking(() -> finishCall(inv), false)
                    .transform(
                        measured ->
                            result.succeeded()
                                ? Future.succeededFuture(result.result())
                                : Future.failedFuture(result.cause())));
  }

  /** Stops the process (SIGTERM, SIGKILL after the grace) and the listener. */
  Future<Void> stop() {
    closeChannel(EnvironmentFailures.stopped());
    markDead();
    Future<Void> stopped = process.stop(settings.stopGrace());
    // the listener closes only after the process has gone, so a runtime waiting on /next is not
    // cut off mid-request (runtimes log that as an error)
    return stopped.eventually(this::closeServer);
  }

  private void start() {
    // from the launch: an exit's clean-up runs on a pool thread, and a close that began before it
    // must still wait for the listener's close it ends with
    owner.track(ended.future());
    channel.initialized().onSuccess(v -> report.initialized()).onFailure(initFailed -> kill());
    RuntimeApiServer.start(vertx, channel)
        .compose(
            api -> {
              server = api;
              return vertx.executeBlocking(() -> spawn(api.port()), false);
            })
        .onFailure(this::failedToStart);
  }

  /** Starts the process (on a worker) in the code directory with a clean environment. */
  private Void spawn(int port) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(launcher.command(spec)).directory(spec.codeDir().toFile());
    builder.environment().clear();
    builder.environment().putAll(RuntimeEnvironmentVariables.of(spec, launcher, region, port));
    report.spawned();
    RuntimeProcess started = process.start(builder, this::exited);
    LOG.info("function={} environment={} pid={} started", spec.name(), name, started.pid());
    if (dead.get()) {
      // stopped while starting
      ChildProcesses.kill(started);
    }
    return null;
  }

  /**
   * On a worker after each call: output drained into its log, memory and init measured. Whatever
   * happens while measuring, the environment is free again afterwards (unless dead).
   */
  private Void finishCall(Invocation inv) {
    try {
      process.awaitDrained();
      report.report(inv, process.current());
    } finally {
      serving = null;
      lastUsedMillis = System.currentTimeMillis();
      if (!dead.get()) {
        state = State.IDLE;
      }
    }
    return null;
  }

  private void timedOut(String requestId) {
    if (!requestId.equals(serving)) {
      return;
    }
    LOG.info("function={} environment={} requestId={} timed out", spec.name(), name, requestId);
    closeChannel(id -> FunctionError.timedOut(spec.timeout()));
    kill();
  }

  /**
   * Closes the channel with {@code reason} applied to the request id of the call in this
   * environment, also while that call waits for init (when the channel has no event yet).
   */
  private void closeChannel(Function<String, FunctionError> reason) {
    String waiting = serving;
    channel.close(id -> reason.apply(id.equals("-") && waiting != null ? waiting : id));
  }

  private void initTimedOut() {
    if (channel.initialized().isComplete()) {
      return;
    }
    LOG.info(
        "function={} environment={} init timed out after {}",
        spec.name(),
        name,
        settings.initTimeout());
    closeChannel(EnvironmentFailures.initTimedOut(settings.initTimeout()));
    kill();
  }

  private void failedToStart(Throwable cause) {
    LOG.warn("function={} environment={} could not start: {}", spec.name(), name, cause.toString());
    closeChannel(EnvironmentFailures.invalidEntrypoint(cause));
    markDead();
    closeServer().onComplete(closed -> ended.tryComplete());
  }

  /**
   * After the process ended (on a pool thread): the call it served fails with its exit status, then
   * what it left running (in its group, under it or marked as its) is killed and the listener
   * closes.
   */
  private void exited(RuntimeProcess exited) {
    try {
      process.awaitDrained();
      String status = EnvironmentProcess.exitStatus(exited.process().exitValue());
      LOG.info("function={} environment={} exited: {}", spec.name(), name, status);
      closeChannel(EnvironmentFailures.exited(status));
      markDead();
      ChildProcesses.kill(exited);
    } finally {
      ChildProcesses.unregister(exited);
      closeServer().onComplete(closed -> ended.tryComplete());
    }
  }

  private void kill() {
    markDead();
    owner.track(process.kill(spec.name()));
  }

  private void markDead() {
    state = State.DEAD;
    if (dead.compareAndSet(false, true)) {
      owner.died(this);
    }
  }

  private Future<Void> closeServer() {
    RuntimeApiServer api = server;
    return api == null ? Future.succeededFuture() : api.close();
  }

  @Override
  public String toString() {
    return name;
  }
}
