package io.lambdagateway.app.invoke;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * One Invoke API call ({@code POST /2015-03-31/functions/{name}/invocations}) made with the JDK's
 * HTTP client and SigV4-signed by the AWS SDK's own signer, which the gateway already carries to
 * verify signatures (the SDK's Lambda client would add 9 MB to the jar). The keys are {@code
 * AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} (and {@code AWS_SESSION_TOKEN}) when set, else
 * a placeholder that a gateway without {@code GATEWAY_AWS_CREDENTIALS} accepts. No retries: a
 * failed call is reported at once. Blocks; call from the command's thread.
 */
final class InvokeCall {

  /** Longer than Lambda's longest function timeout (15 minutes), so the function's own applies. */
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(16);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Headers the JDK client sets itself and refuses from the caller. */
  private static final List<String> RESTRICTED = List.of("host", "content-length");

  private final String function;
  private final String qualifier;
  private final String invocationType;
  private final boolean logTail;
  private final byte[] payload;
  private final AwsCredentialsIdentity credentials;

  InvokeCall(
      String function,
      String qualifier,
      String invocationType,
      boolean logTail,
      byte[] payload,
      Map<String, String> environment) {
    this.function = function;
    this.qualifier = qualifier;
    this.invocationType = invocationType;
    this.logTail = logTail;
    this.payload = payload;
    this.credentials = credentials(environment);
  }

  /**
   * Sends the call to {@code endpoint}, signed for {@code region}.
   *
   * @throws IOException when nothing answers
   */
  InvokeAnswer send(URI endpoint, String region) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    HttpResponse<byte[]> response =
        client.send(signed(endpoint, region), HttpResponse.BodyHandlers.ofByteArray());
    return new InvokeAnswer(
        response.statusCode(),
        response.body(),
        response.headers().firstValue("X-Amz-Function-Error").orElse(null),
        response.headers().firstValue("X-Amz-Log-Result").orElse(null),
        response.headers().firstValue("X-Amzn-ErrorType").orElse(null));
  }

  private HttpRequest signed(URI endpoint, String region) {
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(
                URI.create(
                    base(endpoint)
                        + "/2015-03-31/functions/"
                        + pathSegment(function)
                        + "/invocations"))
            .putHeader("Content-Type", "application/json")
            .putHeader("X-Amz-Invocation-Type", invocationType)
            .putHeader("X-Amz-Log-Type", logTail ? "Tail" : "None");
    if (qualifier != null) {
      unsigned.putRawQueryParameter("Qualifier", qualifier);
    }
    SdkHttpRequest request =
        AwsV4HttpSigner.create()
            .sign(
                sign ->
                    sign.identity(credentials)
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArrayUnsafe(payload))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region))
            .request();
    HttpRequest.Builder http =
        HttpRequest.newBuilder(request.getUri())
            .timeout(READ_TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> http.header(name, value));
              }
            });
    return http.build();
  }

  private static String base(URI endpoint) {
    String text = endpoint.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** The name as one path segment: everything but RFC 3986's unreserved characters escaped. */
  static String pathSegment(String name) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return encoded.toString();
  }

  private static AwsCredentialsIdentity credentials(Map<String, String> environment) {
    String key = environment.get("AWS_ACCESS_KEY_ID");
    String secret = environment.get("AWS_SECRET_ACCESS_KEY");
    if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
      return AwsCredentialsIdentity.create("lambda-gateway-invoke", "no-secret");
    }
    String token = environment.get("AWS_SESSION_TOKEN");
    return token == null || token.isBlank()
        ? AwsCredentialsIdentity.create(key, secret)
        : AwsSessionCredentialsIdentity.create(key, secret, token);
  }
}
