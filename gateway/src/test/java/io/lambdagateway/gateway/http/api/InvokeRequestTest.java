package io.lambdagateway.gateway.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.function.EchoFunction;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.platform.FunctionRegistry;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Invoke API request parsed without a server: (method, path, Qualifier, headers, body) → the
 * call to make or the service error to answer, as a table (like RIE's {@code
 * rie_invoke_request_test.go}).
 */
@DisplayName("Invoke API request parsing")
class InvokeRequestTest {

  private static final String PROBE = "/2015-03-31/functions/probe/invocations";
  private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";
  private static final long SYNC_LIMIT = 6 * 1024 * 1024;
  private static final long EVENT_LIMIT = 1024 * 1024;
  private static final GatewayConfig CONFIG = GatewayConfig.defaults();
  private static final FunctionRegistry FUNCTIONS =
      new FunctionRegistry(List.of(hosted("enricher"), hosted("probe")), "enricher");

  /** What a row expects: the call to make, or the service error. */
  sealed interface Expected {}

  /** A call of {@code function} with {@code event} as its payload. */
  record Call(
      String function, InvocationType type, boolean logTail, long payloadLimit, String event)
      implements Expected {}

  /** A service error; its message starts with {@code message}. */
  record Refused(int status, String code, String message) implements Expected {}

  private static HostedFunction hosted(String name) {
    return new HostedFunction(
        name, new EchoFunction(), Duration.ofSeconds(3), 128, OptionalInt.empty());
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        row(
            "a plain call",
            "POST",
            PROBE,
            null,
            Map.of(),
            "{\"a\":1}",
            new Call("probe", InvocationType.SYNC, false, SYNC_LIMIT, "{\"a\":1}")),
        row(
            "a trailing slash",
            "POST",
            PROBE + "/",
            null,
            Map.of(),
            "[]",
            new Call("probe", InvocationType.SYNC, false, SYNC_LIMIT, "[]")),
        row(
            "an empty body",
            "POST",
            PROBE,
            null,
            Map.of(),
            "",
            new Call("probe", InvocationType.SYNC, false, SYNC_LIMIT, "{}")),
        row(
            "RequestResponse",
            "POST",
            PROBE,
            null,
            Map.of("X-Amz-Invocation-Type", "RequestResponse"),
            "1",
            new Call("probe", InvocationType.SYNC, false, SYNC_LIMIT, "1")),
        row(
            "Event, with the async limit",
            "POST",
            PROBE,
            null,
            Map.of("x-amz-invocation-type", "Event"),
            "{}",
            new Call("probe", InvocationType.EVENT, false, EVENT_LIMIT, "{}")),
        row(
            "DryRun",
            "POST",
            PROBE,
            null,
            Map.of("X-Amz-Invocation-Type", "DryRun"),
            "{}",
            new Call("probe", InvocationType.DRY_RUN, false, SYNC_LIMIT, "{}")),
        row(
            "Log-Type Tail",
            "POST",
            PROBE,
            null,
            Map.of("X-Amz-Log-Type", "Tail"),
            "{}",
            new Call("probe", InvocationType.SYNC, true, SYNC_LIMIT, "{}")),
        row(
            "Log-Type None",
            "POST",
            PROBE,
            null,
            Map.of("X-Amz-Log-Type", "None"),
            "{}",
            new Call("probe", InvocationType.SYNC, false, SYNC_LIMIT, "{}")),
        row(
            "Tail on an Event call is ignored",
            "POST",
            PROBE,
            null,
            Map.of("X-Amz-Invocation-Type", "Event", "X-Amz-Log-Type", "Tail"),
            "{}",
            new Call("probe", InvocationType.EVENT, false, EVENT_LIMIT, "{}")),
        row(
            "the RIE name 'function' is the default function",
            "POST",
            "/2015-03-31/functions/function/invocations",
            null,
            Map.of(),
            "{}",
            new Call("enricher", InvocationType.SYNC, false, SYNC_LIMIT, "{}")),
        row(
            "a percent-encoded ARN with $LATEST",
            "POST",
            "/2015-03-31/functions/"
                + "arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aprobe%3A%24LATEST"
                + "/invocations",
            null,
            Map.of(),
            "{}",
            new Call("probe", InvocationType.SYNC, false, SYNC_LIMIT, "{}")),
        row(
            "Qualifier=$LATEST",
            "POST",
            PROBE,
            "$LATEST",
            Map.of(),
            "{}",
            new Call("probe", InvocationType.SYNC, false, SYNC_LIMIT, "{}")),
        row(
            "another method",
            "GET",
            PROBE,
            null,
            Map.of(),
            "",
            new Refused(404, "UnknownOperationException", "No operation GET " + PROBE)),
        row(
            "another path",
            "POST",
            "/2015-03-31/functions/probe/x/invocations",
            null,
            Map.of(),
            "{}",
            new Refused(
                404,
                "UnknownOperationException",
                "No operation POST /2015-03-31/functions/probe/x/invocations")),
        row(
            "an empty function name",
            "POST",
            "/2015-03-31/functions//invocations",
            null,
            Map.of(),
            "{}",
            new Refused(
                404,
                "UnknownOperationException",
                "No operation POST /2015-03-31/functions//invocations")),
        row(
            "an invalid name",
            "POST",
            "/2015-03-31/functions/bad%20name/invocations",
            null,
            Map.of(),
            "{}",
            new Refused(
                400,
                "ValidationException",
                "1 validation error detected: Value 'bad name' at 'functionName' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: "
                    + FunctionRef.NAME_PATTERN)),
        row(
            "a qualifier conflicting with the name",
            "POST",
            "/2015-03-31/functions/probe:$LATEST/invocations",
            "prod",
            Map.of(),
            "{}",
            new Refused(
                400,
                "InvalidParameterValueException",
                "The derived qualifier from the "
                    + "function name does not match the specified qualifier.")),
        row(
            "an unknown function",
            "POST",
            "/2015-03-31/functions/nope/invocations",
            null,
            Map.of(),
            "{}",
            new Refused(
                404, "ResourceNotFoundException", "Function not found: " + ARN + "nope:$LATEST")),
        row(
            "a version other than $LATEST",
            "POST",
            PROBE,
            "7",
            Map.of(),
            "{}",
            new Refused(
                404, "ResourceNotFoundException", "Function not found: " + ARN + "probe:7")),
        row(
            "an ARN of another region",
            "POST",
            "/2015-03-31/functions/"
                + "arn:aws:lambda:eu-west-1:000000000000:function:probe/invocations",
            null,
            Map.of(),
            "{}",
            new Refused(
                404,
                "ResourceNotFoundException",
                "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')")),
        row(
            "an unknown invocation type",
            "POST",
            PROBE,
            null,
            Map.of("X-Amz-Invocation-Type", "Later"),
            "{}",
            new Refused(
                400, "InvalidParameterValueException", "Unsupported invocation type: Later")),
        row(
            "an unknown log type",
            "POST",
            PROBE,
            null,
            Map.of("X-Amz-Log-Type", "Full"),
            "{}",
            new Refused(400, "InvalidParameterValueException", "Unsupported log type: Full")),
        row(
            "the name is checked before the headers",
            "POST",
            "/2015-03-31/functions/nope/invocations",
            null,
            Map.of("X-Amz-Invocation-Type", "Later"),
            "{}",
            new Refused(404, "ResourceNotFoundException", "Function not found: ")),
        row(
            "a body that is not JSON",
            "POST",
            PROBE,
            null,
            Map.of(),
            "{not json",
            new Refused(
                400,
                "InvalidRequestContentException",
                "Could not parse request body into json: Could not parse payload into json: ")),
        row(
            "two JSON values",
            "POST",
            PROBE,
            null,
            Map.of(),
            "{} {}",
            new Refused(
                400,
                "InvalidRequestContentException",
                "Could not parse request body into json: Unexpected trailing token START_OBJECT")),
        row(
            "a sync body over 6 MiB",
            "POST",
            PROBE,
            null,
            Map.of(),
            "\"" + "x".repeat((int) SYNC_LIMIT - 1) + "\"",
            new Refused(
                413,
                ServiceError.REQUEST_TOO_LARGE,
                "Request must be smaller than 6291456 bytes for the InvokeFunction operation")),
        row(
            "an Event body over 1 MiB",
            "POST",
            PROBE,
            null,
            Map.of("X-Amz-Invocation-Type", "Event"),
            "\"" + "x".repeat((int) EVENT_LIMIT - 1) + "\"",
            new Refused(
                413,
                ServiceError.REQUEST_TOO_LARGE,
                "1048577 byte payload "
                    + "is too large for the Event invocation type (limit 1048576 bytes)")));
  }

  static Stream<Arguments> clientContexts() {
    String context = "{\"custom\":{\"k\":\"v\"}}";
    String encoded = base64(context);
    return Stream.of(
        Arguments.of("absent", null, "RequestResponse", Optional.empty()),
        Arguments.of("base64 JSON", encoded, "RequestResponse", Optional.of(context)),
        Arguments.of("ignored for Event", encoded, "Event", Optional.empty()),
        Arguments.of("ignored for DryRun", encoded, "DryRun", Optional.empty()),
        Arguments.of("not base64", "{not base64}", "RequestResponse", null),
        Arguments.of("base64 of no JSON", base64("{oops"), "RequestResponse", null),
        Arguments.of("base64 of no object", base64("[1]"), "RequestResponse", null),
        Arguments.of(
            "over 3583 bytes",
            base64("{\"k\":\"" + "x".repeat(2700) + "\"}"),
            "RequestResponse",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clientContexts")
  @DisplayName(
      "X-Amz-Client-Context: base64 JSON for synchronous calls, else 400"
          + " InvalidRequestContentException with AWS's message")
  void clientContext(String name, String header, String type, Optional<String> expected) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("X-Amz-Invocation-Type", type);
    if (header != null) {
      headers.put("X-Amz-Client-Context", header);
    }

    if (expected == null) {
      assertThatThrownBy(
              () -> InvokeRequest.parse("POST", PROBE, null, headers::get, FUNCTIONS, CONFIG))
          .isInstanceOfSatisfying(
              ServiceError.class,
              error -> {
                assertThat(error.status()).isEqualTo(400);
                assertThat(error.code()).isEqualTo("InvalidRequestContentException");
                assertThat(error.getMessage())
                    .isEqualTo("Client context must be a valid Base64-encoded JSON object.");
              });
    } else {
      assertThat(
              InvokeRequest.parse("POST", PROBE, null, headers::get, FUNCTIONS, CONFIG)
                  .clientContext())
          .isEqualTo(expected);
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Arguments row(
      String name,
      String method,
      String path,
      String qualifier,
      Map<String, String> headers,
      String body,
      Expected expected) {
    return Arguments.of(name, method, path, qualifier, headers, body, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  @DisplayName("each request is one call or one service error")
  void parses(
      String name,
      String method,
      String path,
      String qualifier,
      Map<String, String> headers,
      String body,
      Expected expected) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);

    Expected actual;
    try {
      InvokeRequest request =
          InvokeRequest.parse(method, path, qualifier, byName::get, FUNCTIONS, CONFIG);
      Buffer event = read(request, Buffer.buffer(body));
      actual =
          new Call(
              request.function().name(),
              request.type(),
              request.logTail(),
              request.payloadLimit(),
              event.toString());
    } catch (ServiceError error) {
      actual = new Refused(error.status(), error.code(), error.getMessage());
    }

    if (expected instanceof Refused refused && actual instanceof Refused got) {
      assertThat(got.status()).isEqualTo(refused.status());
      assertThat(got.code()).isEqualTo(refused.code());
      assertThat(got.message()).startsWith(refused.message());
    } else {
      assertThat(actual).isEqualTo(expected);
    }
  }

  /** What the handler does with a body: BodyReader stops past the limit, then the 413. */
  private static Buffer read(InvokeRequest request, Buffer body) {
    if (body.length() > request.payloadLimit()) {
      throw request.tooLarge(body.length());
    }
    return request.event(body);
  }
}
