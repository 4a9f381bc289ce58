package io.lambdagateway.pipeline;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The pipeline's one JSON mapper. Numbers are kept exact: integers beyond 2^53 (commitTime in
 * nanoseconds) and decimals are never routed through a double.
 */
final class Json {

  static final ObjectMapper MAPPER = JsonMapper.builder()
    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
    .build();

  private Json() {
  }
}
