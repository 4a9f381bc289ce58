package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.producer.DemoMessages;
import io.lambdagateway.producer.RowsRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parts of the in-process end-to-end tests that run a gateway beside a pipeline verticle. */
final class InProcessLoop {

  static final String PUBLIC_IP = "203.0.113.7";

  private InProcessLoop() {}

  /**
   * A gateway on 127.0.0.1 ({@code port} 0 = any free port) with the strict event loops of the
   * end-to-end tests, which {@code BlockedThreadGuard} fails on a 500 ms stall.
   */
  static Gateway startGateway(int port) {
    return Gateway.start(
            GatewayConfig.fromSettings(
                Map.of(
                    "GATEWAY_HOST",
                    "127.0.0.1",
                    "GATEWAY_PORT",
                    Integer.toString(port),
                    "GATEWAY_INSTANCES",
                    "1",
                    "ENRICHER_PUBLIC_IP",
                    PUBLIC_IP)),
            List.of(),
            GatewayPipelineEndToEndTest.strictEventLoops())
        .await();
  }

  /**
   * Waits until partition 0 of {@code source} has {@code offset} committed for {@code group}: the
   * pipeline commits only after the rows were written, so this means "all written".
   */
  static void awaitCommitted(
      String bootstrap, String group, String source, long offset, Duration timeout) {
    await()
        .atMost(timeout)
        .untilAsserted(
            () ->
                assertThat(KafkaOffsets.committed(bootstrap, group, source))
                    .containsEntry(0, offset));
  }

  /** {@code count} of the demo producer's messages (3 fields, 1 to 4 rows each). */
  static List<String> demoMessages(int count) {
    DemoMessages messages = new DemoMessages(3, new RowsRange(1, 4));
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(messages.next());
    }
    return values;
  }
}
