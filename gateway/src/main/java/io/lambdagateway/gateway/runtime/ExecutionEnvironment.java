package io.lambdagateway.gateway.runtime;

import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.function.Invocation;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
 * <p>The process runs in the code directory with a clean environment: AWS's variables (see {@link
 * #environment}), the launcher's, the function's own {@code env}, {@code PATH} and nothing else of
 * the gateway's (so neither {@code GATEWAY_AUTH_TOKEN} nor real AWS credentials leak into user
 * code); the credentials it gets are dummies unless the function's {@code env} sets its own.
 *
 * <p>Failures: at the deadline the call fails with {@code Sandbox.Timedout} and the process tree is
 * killed; a process that exits is {@code Runtime.ExitError} for the call it was serving; an init
 * error it posts fails the waiting call with that error. A dead environment is never reused. All
 * process work (start, waits, {@code /proc} reads, kills) runs on worker threads; the output is
 * read by {@link OutputPump} threads.
 */
final class ExecutionEnvironment {

  enum State {
    STARTING,
    IDLE,
    BUSY,
    DEAD
  }

  /** The dummy credentials every runtime gets: SDKs in user code need some to sign requests. */
  static final Map<String, String> DUMMY_CREDENTIALS =
      Map.of(
          "AWS_ACCESS_KEY_ID", "AKIALOCALGATEWAY0000",
          "AWS_SECRET_ACCESS_KEY", "local-gateway-dummy-secret",
          "AWS_SESSION_TOKEN", "local-gateway-dummy-session");

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionEnvironment.class);
  private static final AtomicLong IDS = new AtomicLong();

  /** How long a finished call waits, at most, for its output to reach its log (usually < 1 ms). */
  private static final long DRAIN_MILLIS = 500;

  private final Vertx vertx;
  private final FunctionSpec spec;
  private final RuntimeLauncher launcher;
  private final RuntimeSettings settings;
  private final String region;
  private final Consumer<ExecutionEnvironment> onDead;
  private final RuntimeChannel channel = new RuntimeChannel();
  private final RuntimeOutput output;
  private final String name;
  private final AtomicBoolean dead = new AtomicBoolean();
  private final AtomicBoolean initReported = new AtomicBoolean();
  private volatile State state = State.STARTING;
  private volatile RuntimeProcess process;
  private volatile RuntimeApiServer server;
  private volatile List<OutputPump> pumps = List.of();
  private volatile long spawnedNanos;
  private volatile double initMillis = -1;
  private volatile String serving;
  private volatile long lastUsedMillis = System.currentTimeMillis();

  private ExecutionEnvironment(
      Vertx vertx,
      FunctionSpec spec,
      RuntimeLauncher launcher,
      RuntimeSettings settings,
      String region,
      Consumer<ExecutionEnvironment> onDead) {
    this.vertx = vertx;
    this.spec = spec;
    this.launcher = launcher;
    this.settings = settings;
    this.region = region;
    this.onDead = onDead;
    this.output = new RuntimeOutput(spec.name(), settings.logLinesPerSecond());
    this.name = spec.name() + "-" + IDS.incrementAndGet();
  }

  /**
   * Starts an environment; it can be given its first call at once.
   *
   * @param onDead called once when the environment dies (process exit, kill or stop)
   */
  static ExecutionEnvironment launch(
      Vertx vertx,
      FunctionSpec spec,
      RuntimeLauncher launcher,
      RuntimeSettings settings,
      String region,
      Consumer<ExecutionEnvironment> onDead) {
    ExecutionEnvironment env =
        new ExecutionEnvironment(vertx, spec, launcher, settings, region, onDead);
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
    return invokePhase(inv)
        .compose(deadline -> dispatch(event, inv, deadline))
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

  /**
   * The deadline of the call's invoke phase: the call's own in a warm environment; in a new one,
   * once the runtime has initialised (within {@link RuntimeSettings#initTimeout()}, else the
   * process is killed), the function's timeout from then, as Lambda times a cold start.
   */
  private Future<Long> invokePhase(Invocation inv) {
    if (channel.initialized().isComplete()) {
      return channel.initialized().map(warm -> inv.deadlineMillis());
    }
    inv.phases().initPhaseStarts();
    long limit = vertx.setTimer(settings.initTimeout().toMillis(), t -> initTimedOut());
    return channel
        .initialized()
        .andThen(done -> vertx.cancelTimer(limit))
        .map(initialized -> inv.phases().invokePhaseStarts());
  }

  /**
   * Hands the event to the runtime; kills the process if it is not answered by {@code deadline}.
   */
  private Future<Buffer> dispatch(Buffer event, Invocation inv, long deadline) {
    long timer =
        vertx.setTimer(
            Math.max(1, deadline - System.currentTimeMillis()), t -> timedOut(inv.requestId()));
    RuntimeEvent runtimeEvent =
        new RuntimeEvent(
            inv.requestId(),
            deadline,
            inv.functionArn(),
            traceId(),
            inv.clientContext(),
            Optional.empty(),
            event);
    return channel.dispatch(runtimeEvent).andThen(done -> vertx.cancelTimer(timer));
  }

  /** Stops the process (SIGTERM, SIGKILL after the grace) and the listener. */
  Future<Void> stop() {
    closeChannel(
        id -> new FunctionError("Runtime.ExitError", "RequestId: " + id + " Error: stopped"));
    markDead();
    RuntimeProcess p = process;
    Future<Void> stopped =
        p == null
            ? Future.succeededFuture()
            : vertx.executeBlocking(
                () -> {
                  ChildProcesses.stop(p, settings.stopGrace());
                  return null;
                },
                false);
    // the listener closes only after the process has gone, so a runtime waiting on /next is not
    // cut off mid-request (runtimes log that as an error)
    return stopped.eventually(this::closeServer);
  }

  private void start() {
    channel
        .initialized()
        .onSuccess(v -> initMillis = (System.nanoTime() - spawnedNanos) / 1e6)
        .onFailure(initFailed -> kill());
    RuntimeApiServer.start(vertx, channel)
        .compose(
            api -> {
              server = api;
              return vertx.executeBlocking(() -> spawn(api.port()), false);
            })
        .onFailure(this::failedToStart);
  }

  /**
   * Starts the process (on a worker): environment, pumps, exit watcher. A failure after the process
   * started kills it, so that nothing is left behind when the call fails.
   */
  private Void spawn(int port) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(launcher.command(spec)).directory(spec.codeDir().toFile());
    builder.environment().clear();
    builder.environment().putAll(environment(port));
    spawnedNanos = System.nanoTime();
    RuntimeProcess started = ChildProcesses.start(builder, name);
    process = started;
    try {
      watch(started);
    } catch (IOException | RuntimeException | Error failed) {
      ChildProcesses.kill(started);
      ChildProcesses.unregister(started);
      throw failed;
    }
    LOG.info("function={} environment={} pid={} started", spec.name(), name, started.pid());
    if (dead.get()) {
      // stopped while starting
      ChildProcesses.kill(started);
    }
    return null;
  }

  /** Pumps for its output, the exit watcher. */
  private void watch(RuntimeProcess started) throws IOException {
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
    p.onExit().thenRunAsync(() -> exited(started));
  }

  /**
   * The runtime's environment variables: AWS's reserved ones win over the launcher's and the
   * function's, so user settings cannot redirect the Runtime API or rename the function.
   */
  Map<String, String> environment(int port) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
    env.put("LANG", "C.UTF-8");
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime().specName());
    env.putAll(DUMMY_CREDENTIALS);
    env.putAll(launcher.extraEnv(spec));
    env.putAll(spec.env());
    env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + port);
    env.put("_HANDLER", spec.handler());
    env.put("LAMBDA_TASK_ROOT", spec.codeDir().toAbsolutePath().toString());
    env.put("LAMBDA_RUNTIME_DIR", launcher.runtimeDir(spec).toAbsolutePath().toString());
    env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_REGION", region);
    env.put("AWS_DEFAULT_REGION", region);
    env.put("TZ", ":UTC");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName());
    return env;
  }

  private static String logStreamName() {
    String day = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
    return day + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * On a worker after each call: output drained into its log, memory and init measured. Whatever
   * happens while measuring, the environment is free again afterwards (unless dead).
   */
  private Void finishCall(Invocation inv) {
    try {
      OutputPump.awaitDrained(pumps, DRAIN_MILLIS);
      RuntimeProcess p = process;
      if (p != null) {
        peakRssMb(p.pid()).ifPresent(inv.log()::reportMaxMemoryUsed);
      }
      if (initMillis >= 0 && initReported.compareAndSet(false, true)) {
        inv.log().reportInitDuration(initMillis);
      }
    } finally {
      serving = null;
      lastUsedMillis = System.currentTimeMillis();
      if (!dead.get()) {
        state = State.IDLE;
      }
    }
    return null;
  }

  /** The process's peak resident set ({@code VmHWM}) in MB; empty where /proc has none. */
  static OptionalLong peakRssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return OptionalLong.of(Math.max(1, Math.round(kb / 1024.0)));
        }
      }
    } catch (IOException | NumberFormatException gone) {
      // the process has ended, or this is no Linux
    }
    return OptionalLong.empty();
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
    String seconds = String.format(Locale.ROOT, "%.2f", settings.initTimeout().toMillis() / 1000.0);
    closeChannel(
        id ->
            new FunctionError(
                "Sandbox.Timedout",
                "RequestId: " + id + " Error: init timed out after " + seconds + " seconds"));
    kill();
  }

  private void failedToStart(Throwable cause) {
    LOG.warn("function={} environment={} could not start: {}", spec.name(), name, cause.toString());
    closeChannel(
        id ->
            new FunctionError(
                "Runtime.InvalidEntrypoint", "RequestId: " + id + " Error: " + cause.getMessage()));
    markDead();
    closeServer();
  }

  /**
   * After the process ended (on a pool thread): the call it served fails with its exit status, then
   * what it left running (in its group, under it or marked as its) is killed and the listener
   * closes.
   */
  private void exited(RuntimeProcess ended) {
    OutputPump.awaitDrained(pumps, DRAIN_MILLIS);
    String status = exitStatus(ended.process().exitValue());
    LOG.info("function={} environment={} exited: {}", spec.name(), name, status);
    closeChannel(
        id ->
            new FunctionError(
                "Runtime.ExitError",
                "RequestId: " + id + " Error: Runtime exited with error: " + status));
    markDead();
    try {
      ChildProcesses.kill(ended);
    } finally {
      ChildProcesses.unregister(ended);
      closeServer();
    }
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

  private void kill() {
    markDead();
    RuntimeProcess p = process;
    if (p != null) {
      vertx
          .executeBlocking(
              () -> {
                ChildProcesses.kill(p);
                return null;
              },
              false)
          .onFailure(
              failed ->
                  LOG.warn(
                      "function={} environment={} kill failed: {}",
                      spec.name(),
                      name,
                      failed.toString()));
    }
  }

  private void markDead() {
    state = State.DEAD;
    if (dead.compareAndSet(false, true)) {
      onDead.accept(this);
    }
  }

  private Future<Void> closeServer() {
    RuntimeApiServer api = server;
    return api == null ? Future.succeededFuture() : api.close();
  }

  /** A fresh X-Ray trace header, as Lambda gives every invocation one. */
  private static String traceId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format(
        "Root=1-%08x-%012x%012x;Parent=%016x;Sampled=0",
        System.currentTimeMillis() / 1000,
        random.nextLong(1L << 48),
        random.nextLong(1L << 48),
        random.nextLong());
  }

  @Override
  public String toString() {
    return name;
  }
}
