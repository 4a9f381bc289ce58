package io.lambdagateway.gateway.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.function.EchoFunction;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.platform.FunctionRegistry;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;

/**
 * Coverage-guided fuzzing of the Invoke API's request parsing (Jazzer): method, path, {@code
 * Qualifier}, the three {@code X-Amz-*} headers and the body. In a normal build it replays only the
 * saved inputs under {@code src/test/resources/.../InvokeRequestFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration} (docs/development.md, "Fuzzing").
 *
 * <p>The contract held here: every request is either a call or one {@link ServiceError} that is a
 * client error (400, 404 or 413) with a code and a message; no other exception or error escapes.
 */
@DisplayName("Invoke API request parsing, fuzzed")
class InvokeRequestFuzzTest {

  private static final String PREFIX = "/2015-03-31/functions/";
  private static final String SUFFIX = "/invocations";
  private static final GatewayConfig CONFIG = GatewayConfig.defaults();
  private static final FunctionRegistry FUNCTIONS =
      new FunctionRegistry(List.of(hosted("enricher"), hosted("probe")), "enricher");
  private static final List<String> METHODS = List.of("POST", "GET", "PUT", "HEAD", "DELETE");
  private static final List<String> SEGMENTS =
      List.of(
          "probe",
          "probe:$LATEST",
          "arn:aws:lambda:us-east-1:000000000000:function:probe",
          "000000000000:function:probe:$LATEST",
          "arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aenricher");

  @FuzzTest(maxDuration = "30s")
  @DisplayName("Any request line, headers and body: a call or a documented client error")
  void anyRequest(FuzzedDataProvider data) {
    String method = data.consumeBoolean() ? data.pickValue(METHODS) : data.consumeString(8);
    String path = path(data);
    String qualifier = data.consumeBoolean() ? data.consumeString(140) : null;
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    putIfPresent(headers, "X-Amz-Invocation-Type", data, "RequestResponse", "Event", "DryRun");
    putIfPresent(headers, "X-Amz-Log-Type", data, "Tail", "None");
    if (data.consumeBoolean()) {
      String context = data.consumeString(2048);
      headers.put(
          "X-Amz-Client-Context",
          data.consumeBoolean() ? Base64.getEncoder().encodeToString(context.getBytes()) : context);
    }
    byte[] body = data.consumeRemainingAsBytes();
    try {
      InvokeRequest request =
          InvokeRequest.parse(method, path, qualifier, headers::get, FUNCTIONS, CONFIG);
      assertThat(request.payloadLimit()).isPositive();
      Buffer event = request.event(Buffer.buffer(body));
      assertThat(event.length()).isPositive();
    } catch (ServiceError refused) {
      assertThat(refused.status()).isIn(400, 404, 413);
      assertThat(refused.code()).isNotBlank();
      assertThat(refused.toJson().size()).isGreaterThanOrEqualTo(2);
    }
  }

  /** Mostly the Invoke API's path around a known or fuzzed segment, sometimes any path at all. */
  private static String path(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 3)) {
      case 0 -> PREFIX + data.pickValue(SEGMENTS) + SUFFIX;
      case 1 -> PREFIX + data.consumeString(300) + SUFFIX;
      case 2 -> PREFIX + data.consumeString(300) + SUFFIX + "/";
      default -> data.consumeString(400);
    };
  }

  private static void putIfPresent(
      Map<String, String> headers, String name, FuzzedDataProvider data, String... known) {
    switch (data.consumeInt(0, 2)) {
      case 0 -> headers.put(name, data.pickValue(known));
      case 1 -> headers.put(name, data.consumeString(40));
      default -> {
        // the header is absent
      }
    }
  }

  private static HostedFunction hosted(String name) {
    return new HostedFunction(
        name, new EchoFunction(), Duration.ofSeconds(3), 128, OptionalInt.empty());
  }
}
