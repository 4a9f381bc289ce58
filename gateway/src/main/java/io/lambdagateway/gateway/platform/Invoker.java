package io.lambdagateway.gateway.platform;

import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.function.FunctionTraits;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.InvocationLog;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one invocation the way the Lambda platform does, for every entry point (Invoke API, function
 * URL, Event queue).
 *
 * <p>It takes a concurrency slot (or fails with {@link Throttled}; {@link #invokeWhenFree} waits
 * for one first), writes START/END/REPORT to the invocation log, calls the function on an event
 * loop or, when it declares itself blocking or its event is over its inline limit, on a worker;
 * enforces the function timeout and the response size limit; records metrics and one structured log
 * line. Function failures never fail the returned future: they come back as {@link
 * InvocationOutcome#error()}, whatever the function threw ({@link Error}s included), and the slot
 * is released on every path. A timed-out call is answered at the deadline and its slot released
 * then, though a blocking function keeps its worker thread until it returns (Java cannot kill it;
 * AWS would kill the sandbox); a call that returns after its deadline is {@code Sandbox.Timedout}
 * whatever it returned.
 */
public final class Invoker {

  private static final Logger LOG = LoggerFactory.getLogger("io.lambdagateway.gateway.invocations");

  private static final Buffer NULL_PAYLOAD = Buffer.buffer("null");

  /**
   * The worker pool of CPU work moved off the event loop: one thread per core is all it can use.
   */
  private static final String CPU_POOL = "lambda-gateway-cpu";

  private final Vertx vertx;
  private final UnaryOperator<String> functionArn;
  private final long maxResponseBytes;
  private final SlotQueue slots;
  private final InvocationMetrics metrics;
  private final LiveStats live;
  private final WorkerExecutor cpuPool;

  /**
   * @param functionArn the unqualified ARN of a function name, for {@link Invocation}
   * @param maxResponseBytes the largest payload a function may return ({@code
   *     Function.ResponseSizeTooLarge} above)
   * @param limiter the concurrency limits; as many calls as its account limit may wait for a slot
   *     in {@link #invokeWhenFree}
   */
  public Invoker(
      Vertx vertx,
      UnaryOperator<String> functionArn,
      long maxResponseBytes,
      ConcurrencyLimiter limiter,
      InvocationMetrics metrics) {
    this.vertx = vertx;
    this.functionArn = functionArn;
    this.maxResponseBytes = maxResponseBytes;
    this.slots = new SlotQueue(vertx, limiter, limiter.limit());
    this.metrics = metrics;
    this.live = metrics.live();
    this.cpuPool =
        vertx.createSharedWorkerExecutor(CPU_POOL, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Invokes {@code fn} with {@code event}; call on a Vert.x thread.
   *
   * @param channel how the call came in (for the log line): invoke, url or event
   * @return the outcome, or a failed future holding {@link Throttled}
   */
  public Future<InvocationOutcome> invoke(
      HostedFunction fn, Buffer event, String requestId, String channel) {
    return invoke(fn, event, requestId, channel, Optional.empty());
  }

  /**
   * Invokes {@code fn} with {@code event} and the caller's client context; call on a Vert.x thread.
   *
   * @param clientContext the client context JSON, given to the function in its {@link Invocation}
   * @return the outcome, or a failed future holding {@link Throttled}
   */
  public Future<InvocationOutcome> invoke(
      HostedFunction fn,
      Buffer event,
      String requestId,
      String channel,
      Optional<String> clientContext) {
    String throttle = slots.tryAcquire(fn);
    if (throttle != null) {
      return throttled(fn, requestId, channel, throttle);
    }
    return run(fn, event, requestId, channel, clientContext);
  }

  /**
   * Invokes {@code fn} with {@code event} once a concurrency slot is free, waiting for one up to
   * the function's timeout; call on a Vert.x thread.
   *
   * @return the outcome, or a failed future holding {@link Throttled} when too many calls already
   *     wait or no slot came free in time
   */
  public Future<InvocationOutcome> invokeWhenFree(
      HostedFunction fn, Buffer event, String requestId, String channel) {
    return slots
        .acquire(fn, fn.timeout())
        .transform(
            slot ->
                slot.succeeded()
                    ? run(fn, event, requestId, channel, Optional.empty())
                    : throttled(fn, requestId, channel, ((Throttled) slot.cause()).reason()));
  }

  private Future<InvocationOutcome> throttled(
      HostedFunction fn, String requestId, String channel, String reason) {
    metrics.throttle(fn.name(), reason);
    live.throttled(
        new RecentInvocation(
            requestId, fn.name(), channel, "throttled", reason, 0, 0, 0, now(), null));
    LOG.info(
        "requestId={} function={} channel={} outcome=throttled reason={}",
        requestId,
        fn.name(),
        channel,
        reason);
    return Future.failedFuture(new Throttled(reason));
  }

  /** Runs the call that holds a slot; the slot goes back however the call ends. */
  private Future<InvocationOutcome> run(
      HostedFunction fn,
      Buffer event,
      String requestId,
      String channel,
      Optional<String> clientContext) {
    HeldSlot slot = new HeldSlot(fn);
    try {
      InvocationLog log = new InvocationLog(requestId);
      Promise<Buffer> answer = Promise.promise();
      CallTimer timer = new CallTimer(vertx, fn.timeout(), answer);
      ReportLines.start(log, requestId);
      long started = System.nanoTime();
      Invocation inv =
          new Invocation(
              requestId,
              functionArn.apply(fn.name()),
              "$LATEST",
              timer.start(),
              log,
              clientContext,
              timer,
              maxResponseBytes);
      return withTimeout(fn, event, inv, answer, timer)
          .transform(
              result -> {
                slot.release();
                return Future.succeededFuture(
                    finish(
                        fn,
                        event,
                        inv,
                        channel,
                        started,
                        result.succeeded() ? result.result() : null,
                        result.cause()));
              });
    } catch (Throwable failed) {
      // the platform itself failed (e.g. out of memory) before the call could be answered
      slot.release();
      return Future.failedFuture(failed);
    }
  }

  /** Checks the response, completes log, metrics and the log line. */
  private InvocationOutcome finish(
      HostedFunction fn,
      Buffer event,
      Invocation inv,
      String channel,
      long started,
      Buffer returned,
      Throwable failure) {
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    // a handler that returns nothing serializes as null, as on AWS
    Buffer result = failure == null && returned == null ? NULL_PAYLOAD : returned;
    FunctionError error = failure != null ? FunctionError.of(failure) : oversize(result);
    Buffer payload = error == null ? result : null;
    ReportLines.end(inv.log(), inv.requestId(), error, took, fn.memorySizeMb());
    long bytesOut = payload == null ? 0 : payload.length();
    String errorType = error == null ? null : error.errorType();
    metrics.invocation(fn.name(), errorType, took, event.length(), bytesOut);
    live.finished(
        new RecentInvocation(
            inv.requestId(),
            fn.name(),
            channel,
            error == null ? "success" : "function_error",
            errorType,
            took.toNanos() / 1e6,
            event.length(),
            bytesOut,
            now(),
            inv.log()));
    LOG.info(
        "requestId={} function={} channel={} outcome={} errorType={} durationMs={}"
            + " bytesIn={} bytesOut={}",
        inv.requestId(),
        fn.name(),
        channel,
        error == null ? "success" : "function_error",
        errorType == null ? "-" : errorType,
        ReportLines.millis(took),
        event.length(),
        bytesOut);
    return new InvocationOutcome(payload, error, inv.log(), took.toNanos() / 1e6);
  }

  /** The function's answer, or {@code Sandbox.Timedout} when {@code timer} runs out first. */
  private Future<Buffer> withTimeout(
      HostedFunction fn, Buffer event, Invocation inv, Promise<Buffer> answer, CallTimer timer) {
    start(fn.function(), event, inv)
        .onComplete(
            result -> {
              if (timer.stop()) {
                answer.tryFail(FunctionError.timedOut(fn.timeout()));
              } else if (result.succeeded()) {
                answer.tryComplete(result.result());
              } else {
                answer.tryFail(result.cause());
              }
            });
    return answer.future();
  }

  private Future<Buffer> start(LambdaFunction function, Buffer event, Invocation inv) {
    FunctionTraits traits = function.traits();
    if (traits.blocking()) {
      return vertx
          .executeBlocking(() -> function.invoke(event, inv), false)
          .compose(running -> running);
    }
    if (event.length() > traits.maxInlineEventBytes()) {
      return cpuPool
          .executeBlocking(() -> function.invoke(event, inv), false)
          .compose(running -> running);
    }
    try {
      return function.invoke(event, inv);
    } catch (Throwable thrown) {
      // an Error too (OutOfMemoryError, StackOverflowError): the call is answered either way
      return Future.failedFuture(thrown);
    }
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  private FunctionError oversize(Buffer payload) {
    return payload.length() > maxResponseBytes
        ? FunctionError.responseTooLarge(maxResponseBytes)
        : null;
  }

  /** A concurrency slot held by one call, released once however often its paths release it. */
  private final class HeldSlot {
    private final HostedFunction fn;
    private final AtomicBoolean held = new AtomicBoolean(true);

    HeldSlot(HostedFunction fn) {
      this.fn = fn;
      live.began(fn.name());
    }

    void release() {
      if (held.getAndSet(false)) {
        live.ended(fn.name());
        slots.release(fn);
      }
    }
  }
}
