package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The guard the other tests rely on really catches a blocked event loop. */
@DisplayName("The blocked-thread guard")
class BlockedThreadGuardTest {

  @Test
  @DisplayName("fails when an event loop is blocked longer than the test threshold")
  void catchesABlockedEventLoop() throws Exception {
    BlockedThreadGuard guard = new BlockedThreadGuard();
    guard.beforeEach(null);
    try (TestGateway gateway = TestGateway.start()) {
      gateway.gateway.vertx().runOnContext(v -> sleep(TestGateway.MAX_EVENT_LOOP_MILLIS * 3));
      Thread.sleep(TestGateway.MAX_EVENT_LOOP_MILLIS * 4);
    }

    assertThatThrownBy(() -> guard.afterEach(null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("blocked");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
