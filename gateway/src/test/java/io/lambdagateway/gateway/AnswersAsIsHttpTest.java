package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import io.lambdagateway.gateway.function.EnricherFunction;
import io.lambdagateway.gateway.function.FunctionTraits;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A function that declares {@link FunctionTraits#answersAsIs()} has its function-URL answers sent
 * as they are, unscanned: the same answer that another function's URL maps as a structured
 * response. The enricher declares it, which is what spares its answers a copy and a scan.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Function URLs of functions that answer as is")
class AnswersAsIsHttpTest {

  private static final String STRUCTURED = "{\"statusCode\":201,\"body\":\"made\"}";

  private static Gateway gateway;

  /** Answers {@link #STRUCTURED} whatever its event, with the given traits. */
  private record FixedAnswer(FunctionTraits traits) implements LambdaFunction {
    @Override
    public Future<Buffer> invoke(Buffer event, Invocation invocation) {
      return Future.succeededFuture(Buffer.buffer(STRUCTURED));
    }
  }

  @BeforeAll
  static void start() {
    GatewayConfig config =
        GatewayConfig.fromSettings(
            Map.of("GATEWAY_PORT", "0", "ENRICHER_PUBLIC_IP", TestGateway.PUBLIC_IP));
    gateway =
        Gateway.start(
                config,
                List.of(
                    hosted(
                        "as-is", new FunctionTraits(false, true, Integer.MAX_VALUE, true, false)),
                    hosted("mapped", new FunctionTraits(false, true))),
                new VertxOptions())
            .await();
  }

  @AfterAll
  static void stop() {
    gateway.close().await();
  }

  @Test
  @DisplayName("send a statusCode object as the 200 body, where other functions map it")
  void answerIsSentAsIs() {
    HttpResponse<byte[]> asIs = Http.post(url("/as-is"), "{}");
    HttpResponse<byte[]> mapped = Http.post(url("/mapped"), "{}");

    assertThat(asIs.statusCode()).isEqualTo(200);
    assertThat(Http.text(asIs)).isEqualTo(STRUCTURED);
    assertThat(asIs.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(mapped.statusCode()).isEqualTo(201);
    assertThat(Http.text(mapped)).isEqualTo("made");
  }

  @Test
  @DisplayName("include the enricher, whose answers are always {\"Records\":[...]}")
  void enricherAnswersAsIs() {
    EnricherFunction enricher =
        new EnricherFunction(Enricher.create(new EnricherConfig(TestGateway.PUBLIC_IP, false)));
    assertThat(enricher.traits().answersAsIs()).isTrue();
  }

  private static HostedFunction hosted(String name, FunctionTraits traits) {
    return new HostedFunction(
        name, new FixedAnswer(traits), Duration.ofSeconds(5), 128, OptionalInt.empty());
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + gateway.port() + path);
  }
}
