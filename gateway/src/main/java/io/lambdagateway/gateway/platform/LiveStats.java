package io.lambdagateway.gateway.platform;

import io.lambdagateway.gateway.function.InvocationLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What the dashboard shows live: per function, the calls running now, totals, calls and errors per
 * second and p50/p99 latency over a sliding window, and the last {@link #RECENT} invocations over
 * all functions with their logs.
 *
 * <p>Memory is bounded whatever the load: per function {@link FunctionWindow#SAMPLES} latency
 * samples and {@link FunctionWindow#RATE_SECONDS} one-second counters; the recent invocations keep
 * their {@link InvocationLog}, which holds at most {@link InvocationLog#TAIL_BYTES} bytes.
 * Recording costs a short lock on the function's window (no copy of the log). Thread-safe.
 */
public final class LiveStats {

  /** How many finished (or throttled) invocations are kept, newest first. */
  public static final int RECENT = 50;

  private final LongSupplier nanoClock;
  private final Map<String, FunctionWindow> byFunction = new ConcurrentHashMap<>();
  private final RecentInvocation[] recent = new RecentInvocation[RECENT];
  private long recorded;

  public LiveStats() {
    this(System::nanoTime);
  }

  /** With a clock of our own, for tests of the sliding window. */
  LiveStats(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  void began(String function) {
    window(function).began();
  }

  void ended(String function) {
    window(function).ended();
  }

  /** Records a finished call; {@code errorType} is null on success. */
  void finished(RecentInvocation call) {
    window(call.function())
        .finished(nanoClock.getAsLong(), call.errorType() != null, call.durationMillis());
    remember(call);
  }

  /** Records a call refused for concurrency: counted, listed, never run. */
  void throttled(RecentInvocation call) {
    window(call.function()).throttled(nanoClock.getAsLong());
    remember(call);
  }

  /** The live figures of {@code function} (zeros when it was never called). */
  public FunctionStats stats(String function) {
    FunctionWindow window = byFunction.get(function);
    return window == null ? FunctionStats.NONE : window.stats(nanoClock.getAsLong());
  }

  /** The last {@link #RECENT} invocations, newest first. */
  public synchronized List<RecentInvocation> recent() {
    List<RecentInvocation> newestFirst = new ArrayList<>();
    for (long i = recorded - 1; i >= Math.max(0, recorded - RECENT); i--) {
      newestFirst.add(recent[(int) (i % RECENT)]);
    }
    return newestFirst;
  }

  /** The recent invocation with this request id, while it is among the last {@link #RECENT}. */
  public Optional<RecentInvocation> find(String requestId) {
    return recent().stream().filter(call -> call.requestId().equals(requestId)).findFirst();
  }

  private synchronized void remember(RecentInvocation call) {
    recent[(int) (recorded % RECENT)] = call;
    recorded++;
  }

  private FunctionWindow window(String function) {
    return byFunction.computeIfAbsent(function, name -> new FunctionWindow());
  }

  /**
   * One function's live figures.
   *
   * @param perSecond calls finished per second, over the last {@link FunctionWindow#RATE_SECONDS}
   *     complete seconds; {@code errorsPerSecond} likewise for function errors
   * @param p50Millis median latency of the calls of the last {@link FunctionWindow#LATENCY_SECONDS}
   *     seconds (at most {@link FunctionWindow#SAMPLES} of them); 0 without calls
   */
  public record FunctionStats(
      int inFlight,
      long invocations,
      long errors,
      long throttles,
      double perSecond,
      double errorsPerSecond,
      double p50Millis,
      double p99Millis) {
    static final FunctionStats NONE = new FunctionStats(0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** The counters and samples of one function, guarded by its own lock. */
  private static final class FunctionWindow {
    static final int RATE_SECONDS = 5;
    static final int LATENCY_SECONDS = 60;
    static final int SAMPLES = 1024;
    private static final long SECOND = 1_000_000_000L;

    private final long[] bucketSecond = new long[RATE_SECONDS + 1];
    private final long[] bucketCalls = new long[RATE_SECONDS + 1];
    private final long[] bucketErrors = new long[RATE_SECONDS + 1];
    private final double[] sampleMillis = new double[SAMPLES];
    private final long[] sampleNanos = new long[SAMPLES];
    private long samples;
    private int inFlight;
    private long invocations;
    private long errors;
    private long throttles;

    synchronized void began() {
      inFlight++;
    }

    synchronized void ended() {
      inFlight--;
    }

    synchronized void finished(long now, boolean failed, double millis) {
      invocations++;
      int bucket = bucket(now);
      bucketCalls[bucket]++;
      if (failed) {
        errors++;
        bucketErrors[bucket]++;
      }
      sampleMillis[(int) (samples % SAMPLES)] = millis;
      sampleNanos[(int) (samples % SAMPLES)] = now;
      samples++;
    }

    synchronized void throttled(long now) {
      throttles++;
      bucket(now);
    }

    synchronized FunctionStats stats(long now) {
      long current = now / SECOND;
      long calls = 0;
      long failed = 0;
      for (int i = 0; i < bucketSecond.length; i++) {
        // the current second is still filling: only the complete ones before it count
        if (bucketSecond[i] < current && bucketSecond[i] >= current - RATE_SECONDS) {
          calls += bucketCalls[i];
          failed += bucketErrors[i];
        }
      }
      double[] window = latencies(now);
      return new FunctionStats(
          inFlight,
          invocations,
          errors,
          throttles,
          calls / (double) RATE_SECONDS,
          failed / (double) RATE_SECONDS,
          percentile(window, 0.50),
          percentile(window, 0.99));
    }

    /** The bucket of {@code now}'s second, emptied first when it last held an older second. */
    private int bucket(long now) {
      long second = now / SECOND;
      int index = (int) (second % bucketSecond.length);
      if (bucketSecond[index] != second) {
        bucketSecond[index] = second;
        bucketCalls[index] = 0;
        bucketErrors[index] = 0;
      }
      return index;
    }

    private double[] latencies(long now) {
      int kept = (int) Math.min(samples, SAMPLES);
      double[] window = new double[kept];
      int n = 0;
      for (int i = 0; i < kept; i++) {
        if (now - sampleNanos[i] <= LATENCY_SECONDS * SECOND) {
          window[n++] = sampleMillis[i];
        }
      }
      double[] sorted = Arrays.copyOf(window, n);
      Arrays.sort(sorted);
      return sorted;
    }

    /** The nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double quantile) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(quantile * sorted.length);
      return sorted[Math.max(0, rank - 1)];
    }
  }
}
