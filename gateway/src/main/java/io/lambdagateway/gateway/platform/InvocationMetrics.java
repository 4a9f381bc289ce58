package io.lambdagateway.gateway.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The gateway's own meters, next to the HTTP meters Vert.x publishes on the same registry.
 *
 * <p>Prometheus names: {@code lambda_invocations_total{function,outcome}}, {@code
 * lambda_function_errors_total{function,error_type}}, {@code
 * lambda_throttles_total{function,reason}}, {@code lambda_invocation_duration_seconds} (histogram),
 * {@code lambda_payload_bytes{function,direction}} and {@code lambda_in_flight}. The meters of a
 * function are looked up once and kept, so recording costs no registry lookup.
 */
public final class InvocationMetrics {

  /** The gauge of function calls running now. */
  public static final String IN_FLIGHT = "lambda.in.flight";

  private final MeterRegistry registry;
  private final Map<String, FunctionMeters> byFunction = new ConcurrentHashMap<>();
  private final LiveStats live = new LiveStats();

  public InvocationMetrics(MeterRegistry registry, IntSupplier inFlight) {
    this.registry = registry;
    Gauge.builder(IN_FLIGHT, inFlight::getAsInt)
        .description("Invocations running now")
        .register(registry);
  }

  /** The dashboard's live figures, recorded by the {@link Invoker} next to these meters. */
  public LiveStats live() {
    return live;
  }

  /** Records one finished invocation; {@code errorType} is null on success. */
  void invocation(
      String function, String errorType, Duration duration, long bytesIn, long bytesOut) {
    FunctionMeters meters = meters(function);
    if (errorType == null) {
      meters.successes.increment();
    } else {
      meters.functionErrors.increment();
      Counter.builder("lambda.function.errors")
          .tag("function", function)
          .tag("error_type", errorType)
          .register(registry)
          .increment();
    }
    meters.duration.record(duration);
    meters.bytesIn.record(bytesIn);
    meters.bytesOut.record(bytesOut);
  }

  /** Records a call refused for concurrency. */
  void throttle(String function, String reason) {
    meters(function).throttles.increment();
    Counter.builder("lambda.throttles")
        .tag("function", function)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  private FunctionMeters meters(String function) {
    return byFunction.computeIfAbsent(function, name -> new FunctionMeters(registry, name));
  }

  /** The meters of one function that every invocation touches. */
  private static final class FunctionMeters {
    final Counter successes;
    final Counter functionErrors;
    final Counter throttles;
    final Timer duration;
    final DistributionSummary bytesIn;
    final DistributionSummary bytesOut;

    FunctionMeters(MeterRegistry registry, String function) {
      successes = invocations(registry, function, "success");
      functionErrors = invocations(registry, function, "function_error");
      throttles = invocations(registry, function, "throttled");
      duration =
          Timer.builder("lambda.invocation.duration")
              .tag("function", function)
              .publishPercentileHistogram()
              .register(registry);
      bytesIn = payload(registry, function, "in");
      bytesOut = payload(registry, function, "out");
    }

    private static Counter invocations(MeterRegistry registry, String function, String outcome) {
      return Counter.builder("lambda.invocations")
          .tag("function", function)
          .tag("outcome", outcome)
          .register(registry);
    }

    private static DistributionSummary payload(
        MeterRegistry registry, String function, String direction) {
      return DistributionSummary.builder("lambda.payload")
          .baseUnit("bytes")
          .tag("function", function)
          .tag("direction", direction)
          .register(registry);
    }
  }
}
