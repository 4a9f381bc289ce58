package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
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
        () -> false,
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

  @Test
  @DisplayName("has passed on every line written before a drain when the drain returns")
  void drainIsABarrier() throws Exception {
    List<String> passedOn = new CopyOnWriteArrayList<>();
    PipedOutputStream process = new PipedOutputStream();
    PipedInputStream pipe = new PipedInputStream(process, 1 << 16);
    AtomicBoolean alive = new AtomicBoolean(true);
    OutputPump pump = OutputPump.start("pump-drain", pipe, alive::get, 64, passedOn::add);

    for (int call = 1; call <= 200; call++) {
      process.write(("line " + call + "\n").getBytes(StandardCharsets.UTF_8));
      OutputPump.awaitDrained(List.of(pump), 5_000);
      assertThat(passedOn).as("after call %d", call).hasSize(call).endsWith("line " + call);
    }
    alive.set(false);
    process.close();
  }
}
