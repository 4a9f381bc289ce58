package io.lambdagateway.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.gateway.platform.LiveStats.FunctionStats;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The dashboard's live figures")
class LiveStatsTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong clock = new AtomicLong(1000 * SECOND);
  private final LiveStats live = new LiveStats(clock::get);

  @Test
  @DisplayName("calls and errors per second count the last five complete seconds")
  void ratesOverCompleteSeconds() {
    for (int second = 0; second < 5; second++) {
      for (int i = 0; i < 10; i++) {
        live.finished(call("f", i == 0 ? "Boom" : null, 1));
      }
      clock.addAndGet(SECOND);
    }
    live.finished(call("f", null, 1)); // the current second: not counted yet

    FunctionStats stats = live.stats("f");
    assertThat(stats.perSecond()).isEqualTo(10.0);
    assertThat(stats.errorsPerSecond()).isEqualTo(1.0);
    assertThat(stats.invocations()).isEqualTo(51);
    assertThat(stats.errors()).isEqualTo(5);

    clock.addAndGet(10 * SECOND);
    assertThat(live.stats("f").perSecond()).isZero();
  }

  @Test
  @DisplayName("p50 and p99 are nearest-rank over the last minute's calls")
  void percentilesOverTheLastMinute() {
    for (int ms = 1; ms <= 100; ms++) {
      live.finished(call("f", null, ms));
    }
    assertThat(live.stats("f").p50Millis()).isEqualTo(50);
    assertThat(live.stats("f").p99Millis()).isEqualTo(99);

    clock.addAndGet(61 * SECOND);
    live.finished(call("f", null, 7));
    assertThat(live.stats("f").p50Millis()).isEqualTo(7);
    assertThat(live.stats("f").p99Millis()).isEqualTo(7);
  }

  @Test
  @DisplayName("calls in flight and throttles are counted per function")
  void inFlightAndThrottles() {
    live.began("f");
    live.began("f");
    live.ended("f");
    live.throttled(new RecentInvocation("t", "f", "url", "throttled", "Limit", 0, 0, 0, 0, null));
    FunctionStats stats = live.stats("f");
    assertThat(stats.inFlight()).isEqualTo(1);
    assertThat(stats.throttles()).isEqualTo(1);
    assertThat(live.stats("other")).isEqualTo(FunctionStats.NONE);
  }

  @Test
  @DisplayName("only the last RECENT invocations are kept, newest first, findable by request id")
  void recentIsBounded() {
    for (int i = 0; i < LiveStats.RECENT + 7; i++) {
      live.finished(
          new RecentInvocation("id-" + i, "f", "invoke", "success", null, 1, 2, 3, 4, null));
    }
    assertThat(live.recent()).hasSize(LiveStats.RECENT);
    assertThat(live.recent().get(0).requestId()).isEqualTo("id-" + (LiveStats.RECENT + 6));
    assertThat(live.find("id-7")).isPresent();
    assertThat(live.find("id-6")).isEmpty();
  }

  private static RecentInvocation call(String function, String errorType, double millis) {
    return new RecentInvocation(
        "r",
        function,
        "invoke",
        errorType == null ? "success" : "function_error",
        errorType,
        millis,
        0,
        0,
        0,
        null);
  }
}
