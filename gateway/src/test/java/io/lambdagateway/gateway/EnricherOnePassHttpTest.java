package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.gateway.function.EnricherFunction;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The enricher reads its Invoke API body once: its own parse is the JSON check, and a body that is
 * not JSON still gets exactly the 400 that a function without its own parse gets.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("The enricher's Invoke API body, read once")
class EnricherOnePassHttpTest {

  private static final String ENRICHER = "/2015-03-31/functions/enricher/invocations";
  private static final String PROBE = "/2015-03-31/functions/probe/invocations";
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of(), Duration.ofSeconds(3), OptionalInt.empty());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{not json", "{} {}", "[1,", "{\"Records\":5} x", "\"open", "nul"})
  @DisplayName("a body that is not JSON gets the same 400 as from any function")
  void notJsonGetsTheSame400(String body) {
    HttpResponse<byte[]> enricher = Http.post(gateway.uri(ENRICHER), body);
    HttpResponse<byte[]> probe = Http.post(gateway.uri(PROBE), body);

    assertThat(enricher.statusCode()).isEqualTo(400).isEqualTo(probe.statusCode());
    assertThat(enricher.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("InvalidRequestContentException")
        .isEqualTo(probe.headers().firstValue("x-amzn-ErrorType"));
    assertThat(Http.json(enricher)).isEqualTo(Http.json(probe));
    assertThat(enricher.headers().firstValue("X-Amz-Function-Error")).isEmpty();
  }

  @Test
  @DisplayName("JSON that is not a batch is still the function's MalformedBatch error")
  void jsonThatIsNotABatchIsAFunctionError() {
    HttpResponse<byte[]> response = Http.post(gateway.uri(ENRICHER), "{\"Records\":5}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
    assertThat(Http.json(response).path("errorType").asText())
        .isEqualTo(EnricherFunction.MALFORMED_BATCH);
  }
}
