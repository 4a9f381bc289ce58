package io.lambdagateway.gateway.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.gateway.function.EchoFunction;
import io.lambdagateway.gateway.function.FunctionTraits;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.platform.FunctionRegistry;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One pass over the request: for a function that parses its event itself ({@link
 * FunctionTraits#parsesJsonEvent}), a synchronous call hands the body over without the validity
 * scan, which would refuse a body that is not JSON before the function saw it; the scan is then
 * only made after a failed call ({@link InvokeRequest#requireJson}), and gives the same 400.
 */
@DisplayName("The Invoke API's JSON check for a function that parses its event")
class OnePassEventTest {

  private static final String NOT_JSON = "{not json";
  private static final FunctionRegistry FUNCTIONS =
      new FunctionRegistry(
          List.of(hosted("reader", new JsonReader()), hosted("probe", new EchoFunction())),
          "reader");

  @Test
  @DisplayName("a sync call's body reaches such a function unscanned, even when it is not JSON")
  void syncBodyIsNotScanned() {
    InvokeRequest call = parse("reader", null);

    assertThat(call.functionParsesEvent()).isTrue();
    assertThat(call.event(Buffer.buffer(NOT_JSON))).hasToString(NOT_JSON);
  }

  @Test
  @DisplayName("after the call, a body that is not JSON gets the 400 another function gets at once")
  void failedCallGetsTheSame400() {
    ServiceError deferred =
        refusal(() -> parse("reader", null).requireJson(Buffer.buffer(NOT_JSON)));
    ServiceError atOnce = refusal(() -> parse("probe", null).event(Buffer.buffer(NOT_JSON)));

    assertThat(deferred.status()).isEqualTo(400).isEqualTo(atOnce.status());
    assertThat(deferred.code())
        .isEqualTo("InvalidRequestContentException")
        .isEqualTo(atOnce.code());
    assertThat(deferred.getMessage()).isEqualTo(atOnce.getMessage());
  }

  @Test
  @DisplayName("other functions, and calls answered before the function runs, are still scanned")
  void othersAreScanned() {
    assertThat(parse("probe", null).functionParsesEvent()).isFalse();
    for (String type : new String[] {"Event", "DryRun"}) {
      InvokeRequest call = parse("reader", type);

      assertThat(call.functionParsesEvent()).isFalse();
      assertThat(refusal(() -> call.event(Buffer.buffer(NOT_JSON))).code())
          .isEqualTo("InvalidRequestContentException");
    }
  }

  private static InvokeRequest parse(String function, String invocationType) {
    return InvokeRequest.parse(
        "POST",
        "/2015-03-31/functions/" + function + "/invocations",
        null,
        name -> name.equals("X-Amz-Invocation-Type") ? invocationType : null,
        FUNCTIONS,
        GatewayConfig.defaults());
  }

  private static ServiceError refusal(Runnable call) {
    assertThatThrownBy(call::run).isInstanceOf(ServiceError.class);
    try {
      call.run();
      throw new AssertionError("not refused");
    } catch (ServiceError error) {
      return error;
    }
  }

  private static HostedFunction hosted(String name, LambdaFunction function) {
    return new HostedFunction(name, function, Duration.ofSeconds(3), 128, OptionalInt.empty());
  }

  /** Stands for the enricher: it declares that it parses its event. */
  private static final class JsonReader implements LambdaFunction {
    @Override
    public Future<Buffer> invoke(Buffer event, Invocation invocation) {
      return Future.succeededFuture(event);
    }

    @Override
    public FunctionTraits traits() {
      return new FunctionTraits(false, false, Integer.MAX_VALUE, false, true);
    }
  }
}
