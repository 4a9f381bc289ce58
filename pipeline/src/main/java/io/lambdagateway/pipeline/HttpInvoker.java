package io.lambdagateway.pipeline;

import io.lambdagateway.transfer.LambdaLimits;
import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.buffer.BufferInternal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The two HTTP targets on the Vert.x HTTP client: a function URL called as Transfer calls it
 * ({@link #functionUrl}) and the Lambda Invoke API of an endpoint such as the gateway ({@link
 * #invokeApi}). Redirects are never followed (a 3xx is a failed call). The per-call timeout covers
 * connecting and waiting for the whole response. Calls run on the Vert.x context that created the
 * invoker (the pipeline's), whatever thread makes them.
 */
public final class HttpInvoker implements LambdaInvoker {

  private static final String FUNCTION_ERROR = "X-Amz-Function-Error";
  private static final Function<HttpClientResponse, String> NO_FUNCTION_ERROR_HEADER =
      response -> null;

  private final Context context;
  private final HttpClientAgent client;
  private final String url;
  private final RequestOptions template;
  private final MultiMap headers;
  private final long timeoutMs;
  private final Function<HttpClientResponse, String> functionError;
  private final boolean functionUrl;

  private HttpInvoker(
      Vertx vertx,
      URI uri,
      MultiMap headers,
      Duration timeout,
      Function<HttpClientResponse, String> functionError,
      int maxConnections) {
    // Only the Invoke API names function errors in a header; a function URL says 502.
    this.functionUrl = functionError == NO_FUNCTION_ERROR_HEADER;
    this.context = vertx.getOrCreateContext();
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(maxConnections));
    this.url = uri.toString();
    this.timeoutMs = timeout.toMillis();
    this.template =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(url)
            .setFollowRedirects(false)
            .setConnectTimeout(timeoutMs)
            .setIdleTimeout(timeoutMs);
    this.headers = headers;
    this.functionError = functionError;
  }

  /**
   * Transfer's call: {@code POST {base}/{function}?integration=raw} with {@code Content-Type} and
   * {@code Accept: application/json}, {@code Authorization: Bearer <token>} (literally {@code
   * "Bearer "} with an empty token), then the user headers, which may override those.
   */
  public static HttpInvoker functionUrl(Vertx vertx, PipelineConfig config) {
    String base =
        config.functionUrl().endsWith("/")
            ? config.functionUrl().substring(0, config.functionUrl().length() - 1)
            : config.functionUrl();
    URI uri = URI.create(base + "/" + config.functionName() + "?integration=raw");
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .set("Content-Type", "application/json")
            .set("Accept", "application/json")
            .set("Authorization", "Bearer " + config.token());
    config.headers().forEach(headers::set);
    return new HttpInvoker(
        vertx,
        uri,
        headers,
        config.invocationTimeout(),
        NO_FUNCTION_ERROR_HEADER,
        config.maxConnections());
  }

  /**
   * The Lambda Invoke API: {@code POST {endpoint}/2015-03-31/functions/{name}/invocations}; a
   * response carrying {@code X-Amz-Function-Error} is a failed call.
   */
  public static HttpInvoker invokeApi(Vertx vertx, PipelineConfig config) {
    String base =
        config.functionUrl().endsWith("/")
            ? config.functionUrl().substring(0, config.functionUrl().length() - 1)
            : config.functionUrl();
    URI uri = URI.create(base + "/2015-03-31/functions/" + config.functionName() + "/invocations");
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Content-Type", "application/json");
    config.headers().forEach(headers::set);
    return new HttpInvoker(
        vertx,
        uri,
        headers,
        config.invocationTimeout(),
        response -> response.getHeader(FUNCTION_ERROR),
        config.maxConnections());
  }

  /**
   * Calls the function on the context the invoker was created on. From another thread the call hops
   * onto that context first: composing a response's body from a foreign thread can race the event
   * loop that delivers it.
   */
  @Override
  public Future<byte[]> invoke(RequestBody request) {
    if (Vertx.currentContext() == context) {
      return call(request);
    }
    Promise<byte[]> answer = Promise.promise();
    context.runOnContext(v -> call(request).onComplete(answer));
    return answer.future();
  }

  private Future<byte[]> call(RequestBody request) {
    RequestOptions options =
        new RequestOptions(template).setHeaders(MultiMap.caseInsensitiveMultiMap().addAll(headers));
    return client
        .request(options)
        .compose(req -> req.send(wrapped(request)))
        .compose(
            response ->
                ResponseBody.read(response, LambdaLimits.MAX_RESPONSE_BYTES)
                    .map(body -> check(response, body)))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .recover(
            err ->
                Future.failedFuture(
                    err instanceof InvocationException
                        ? err
                        : new InvocationException("call to " + url + " failed: " + err, err)));
  }

  /**
   * The request's parts as the body, not a copy of them: {@code Buffer.buffer(byte[])} copies, and
   * for the pipeline's 1 MB requests that copy was a thirteenth of what the pipeline allocated.
   */
  private static Buffer wrapped(RequestBody request) {
    return BufferInternal.buffer(Unpooled.wrappedBuffer(request.parts().toArray(byte[][]::new)));
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }

  private byte[] check(HttpClientResponse response, byte[] body) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new InvocationException(
          "the function answered HTTP " + status + ": " + excerpt(body),
          CallFailures.ofStatus(status, functionUrl, body));
    }
    String error = functionError.apply(response);
    if (error != null) {
      throw new InvocationException(
          "function error " + error + ": " + excerpt(body), CallFailures.ofFunctionError(body));
    }
    return body;
  }

  private static String excerpt(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 800), StandardCharsets.UTF_8);
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
