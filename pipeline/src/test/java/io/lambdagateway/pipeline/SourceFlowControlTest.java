package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SourceFlowControlTest {

  private final List<String> valve = new ArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SourceFlowControl flow =
      new SourceFlowControl(
          10,
          1000,
          new SourceFlowControl.Valve() {
            @Override
            public void pause() {
              valve.add("pause");
            }

            @Override
            public void resume() {
              valve.add("resume");
            }
          },
          new PipelineMetrics(registry));

  private void receive(int records, long bytesEach) {
    for (int i = 0; i < records; i++) {
      flow.received(bytesEach);
    }
    flow.update();
  }

  private void release(int records, long bytesEach) {
    for (int i = 0; i < records; i++) {
      flow.released(bytesEach);
    }
    flow.update();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  @Test
  @DisplayName(
      "A record's encoded request counts towards the byte watermark until the record is released")
  void encodedBytesCount() {
    receive(2, 100);
    flow.grew(300);
    flow.grew(300);
    flow.update();
    assertThat(valve).isEmpty();
    assertThat(gauge("pipeline.buffered.bytes")).isEqualTo(800.0);
    receive(1, 100);
    flow.grew(300);
    flow.update();
    assertThat(valve).containsExactly("pause");

    release(2, 400);
    assertThat(valve).containsExactly("pause", "resume");
    assertThat(gauge("pipeline.buffered.bytes")).isEqualTo(400.0);
  }

  @Test
  @DisplayName("Consumption pauses at the record watermark and resumes at half of it, once each")
  void recordWatermarks() {
    receive(9, 1);
    assertThat(valve).isEmpty();
    receive(1, 1);
    assertThat(valve).containsExactly("pause");
    assertThat(gauge("pipeline.paused")).isEqualTo(1.0);
    receive(3, 1);
    release(7, 1);
    assertThat(valve).containsExactly("pause");
    release(1, 1);
    assertThat(valve).containsExactly("pause", "resume");
    assertThat(gauge("pipeline.paused")).isZero();
    assertThat(gauge("pipeline.buffered.records")).isEqualTo(5.0);
  }

  @Test
  @DisplayName("The byte watermark pauses too, and both counts must be at half to resume")
  void byteWatermark() {
    receive(2, 500);
    assertThat(valve).containsExactly("pause");
    assertThat(gauge("pipeline.buffered.bytes")).isEqualTo(1000.0);
    release(1, 499);
    assertThat(valve).containsExactly("pause");
    release(1, 2);
    assertThat(valve).containsExactly("pause", "resume");
  }

  @Test
  @DisplayName("A stalled batch pauses an empty buffer; resuming waits until no batch is stalled")
  void stalls() {
    flow.started();
    assertThat(valve).containsExactly("pause");
    assertThat(flow.stalled()).isTrue();
    flow.started();
    flow.ended();
    assertThat(valve).containsExactly("pause");
    assertThat(gauge("pipeline.stalled.batches")).isEqualTo(1.0);
    flow.ended();
    assertThat(valve).containsExactly("pause", "resume");
    assertThat(flow.stalled()).isFalse();
  }

  @Test
  @DisplayName("After stop the valve is neither closed nor opened")
  void stopped() {
    receive(10, 1);
    flow.stop();
    release(10, 1);
    flow.started();
    assertThat(valve).containsExactly("pause");
  }
}
