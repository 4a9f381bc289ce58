package io.lambdagateway.gateway.platform;

import io.lambdagateway.gateway.function.FunctionError;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.InvocationLog;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one invocation the way the Lambda platform does, for every entry point (Invoke API, function
 * URL, Event queue).
 *
 * <p>It takes a concurrency slot (or fails with {@link Throttled}), writes START/END/REPORT to the
 * invocation log, calls the function on an event loop or, when it declares itself blocking, on a
 * worker; enforces the function timeout and the response size limit; records metrics and one
 * structured log line. Function failures never fail the returned future: they come back as {@link
 * InvocationOutcome#error()}. A timed-out call is answered at the deadline and its slot released
 * then, though a blocking function keeps its worker thread until it returns (Java cannot kill it;
 * AWS would kill the sandbox).
 */
public final class Invoker {

  private static final Logger LOG = LoggerFactory.getLogger("io.lambdagateway.gateway.invocations");

  private static final Buffer NULL_PAYLOAD = Buffer.buffer("null");

  private final Vertx vertx;
  private final UnaryOperator<String> functionArn;
  private final long maxResponseBytes;
  private final ConcurrencyLimiter limiter;
  private final InvocationMetrics metrics;

  /**
   * @param functionArn the unqualified ARN of a function name, for {@link Invocation}
   * @param maxResponseBytes the largest payload a function may return ({@code
   *     Function.ResponseSizeTooLarge} above)
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
    this.limiter = limiter;
    this.metrics = metrics;
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
    String throttle = limiter.tryAcquire(fn);
    if (throttle != null) {
      metrics.throttle(fn.name(), throttle);
      LOG.info(
          "requestId={} function={} channel={} outcome=throttled reason={}",
          requestId,
          fn.name(),
          channel,
          throttle);
      return Future.failedFuture(new Throttled(throttle));
    }
    InvocationLog log = new InvocationLog(requestId);
    Promise<Buffer> answer = Promise.promise();
    CallTimer timer = new CallTimer(vertx, fn.timeout(), answer);
    log.platform("START RequestId: " + requestId + " Version: $LATEST");
    long started = System.nanoTime();
    Invocation inv =
        new Invocation(
            requestId,
            functionArn.apply(fn.name()),
            "$LATEST",
            timer.start(),
            log,
            clientContext,
            timer);
    return withTimeout(fn, event, inv, answer, timer)
        .transform(
            result ->
                Future.succeededFuture(
                    finish(
                        fn,
                        event,
                        inv,
                        channel,
                        started,
                        result.succeeded() ? result.result() : null,
                        result.cause())));
  }

  /** Releases the slot, checks the response, completes log, metrics and the log line. */
  private InvocationOutcome finish(
      HostedFunction fn,
      Buffer event,
      Invocation inv,
      String channel,
      long started,
      Buffer returned,
      Throwable failure) {
    limiter.release(fn);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    // a handler that returns nothing serializes as null, as on AWS
    Buffer result = failure == null && returned == null ? NULL_PAYLOAD : returned;
    FunctionError error = failure != null ? FunctionError.of(failure) : oversize(result);
    Buffer payload = error == null ? result : null;
    finishLog(fn, inv, error, took);
    long bytesOut = payload == null ? 0 : payload.length();
    String errorType = error == null ? null : error.errorType();
    metrics.invocation(fn.name(), errorType, took, event.length(), bytesOut);
    LOG.info(
        "requestId={} function={} channel={} outcome={} errorType={} durationMs={}"
            + " bytesIn={} bytesOut={}",
        inv.requestId(),
        fn.name(),
        channel,
        error == null ? "success" : "function_error",
        errorType == null ? "-" : errorType,
        millis(took),
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
              timer.stop();
              if (result.succeeded()) {
                answer.tryComplete(result.result());
              } else {
                answer.tryFail(result.cause());
              }
            });
    return answer.future();
  }

  private Future<Buffer> start(LambdaFunction function, Buffer event, Invocation inv) {
    if (function.traits().blocking()) {
      return vertx
          .executeBlocking(() -> function.invoke(event, inv), false)
          .compose(running -> running);
    }
    try {
      return function.invoke(event, inv);
    } catch (RuntimeException thrown) {
      return Future.failedFuture(thrown);
    }
  }

  private FunctionError oversize(Buffer payload) {
    return payload.length() > maxResponseBytes
        ? FunctionError.responseTooLarge(maxResponseBytes)
        : null;
  }

  private void finishLog(HostedFunction fn, Invocation inv, FunctionError error, Duration took) {
    InvocationLog log = inv.log();
    String id = inv.requestId();
    if (error != null) {
      log.platform(
          Instant.now()
              + "\t"
              + id
              + "\tERROR\t"
              + error.errorType()
              + ": "
              + error.errorMessage());
    }
    log.platform("END RequestId: " + id);
    // a function in a process of its own measures that process; in-process ones share the JVM's
    long usedMb =
        log.maxMemoryUsedMb()
            .orElse(
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())
                    / (1024 * 1024));
    // AWS reports the invoke phase as Duration and a cold start's init apart from it
    Duration invoke = took;
    if (log.initDurationMillis().isPresent()) {
      long initNanos = (long) (log.initDurationMillis().getAsDouble() * 1e6);
      invoke = took.minusNanos(Math.min(initNanos, took.toNanos()));
    }
    String init =
        log.initDurationMillis().isPresent()
            ? "Init Duration: "
                + String.format(Locale.ROOT, "%.2f", log.initDurationMillis().getAsDouble())
                + " ms\t"
            : "";
    log.platform(
        "REPORT RequestId: "
            + id
            + "\tDuration: "
            + millis(invoke)
            + " ms"
            + "\tBilled Duration: "
            + (long) Math.ceil(invoke.toNanos() / 1e6)
            + " ms"
            + "\tMemory Size: "
            + fn.memorySizeMb()
            + " MB"
            + "\tMax Memory Used: "
            + usedMb
            + " MB\t"
            + init);
  }

  private static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e6);
  }
}
