package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PipelineConfigBuilderTest {

  private static final long MB = 1024 * 1024;

  @Test
  @DisplayName("Unfinished records may hold a fifth of the heap, at most 64 MB")
  void defaultByteBoundFollowsTheHeap() {
    assertThat(PipelineConfigBuilder.defaultMaxBufferedBytes(160 * MB)).isEqualTo(32 * MB);
    assertThat(PipelineConfigBuilder.defaultMaxBufferedBytes(1024 * MB)).isEqualTo(64 * MB);
    assertThat(PipelineConfig.builder("127.0.0.1:1").build().maxBufferedBytes())
        .isEqualTo(PipelineConfigBuilder.defaultMaxBufferedBytes(Runtime.getRuntime().maxMemory()));
  }
}
