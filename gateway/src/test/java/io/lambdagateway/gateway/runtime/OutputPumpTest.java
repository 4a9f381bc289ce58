package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The output pump of a runtime process")
class OutputPumpTest {

  @Test
  @DisplayName("keeps draining when passing a line on fails, so the process never blocks on it")
  void survivesAFailingConsumer() {
    List<String> passedOn = new CopyOnWriteArrayList<>();
    byte[] output = "first\nsecond\nthird\n".getBytes(StandardCharsets.UTF_8);

    OutputPump.start(
        "pump-test",
        new ByteArrayInputStream(output),
        64,
        line -> {
          if (line.equals("first")) {
            throw new IllegalStateException("log appender broken");
          }
          passedOn.add(line);
        });

    await().atMost(Duration.ofSeconds(5)).until(() -> passedOn.size() == 2);
    assertThat(passedOn).containsExactly("second", "third");
  }
}
