package io.lambdagateway.gateway.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.http.auth.SigV4Verifier.Claim;
import io.lambdagateway.gateway.http.auth.SigV4Verifier.ReceivedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The verification rules, with requests signed by the AWS SDK for Java v2's public signer (as a
 * client would sign them) and checked without any HTTP.
 */
@DisplayName("SigV4 verification")
class SigV4VerifierTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String PATH = "/2015-03-31/functions/enricher%3Alive/invocations";
  private static final String BODY = "{\"Records\":[]}";

  private final SigV4Verifier verifier =
      new SigV4Verifier(
          AccessKeys.parse("AKIDGOOD:good-secret,AKIDOTHER:other-secret"),
          "us-east-1",
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  @DisplayName("a request signed with a configured key, as the SDK signs it, is accepted")
  void acceptsTheSdksSignature() {
    Signed signed = sign(request -> request, "good-secret", NOW);

    assertThatCode(() -> verifier.verify(verifier.claim(signed.headers()), signed.received(BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("the other configured key works too, and a query string is part of the signature")
  void acceptsEveryKeyAndTheQuery() {
    Signed signed =
        sign(
            request -> request.putRawQueryParameter("Qualifier", "$LATEST"),
            "other-secret",
            NOW,
            "AKIDOTHER");

    assertThatCode(() -> verifier.verify(verifier.claim(signed.headers()), signed.received(BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("signing within five minutes of the gateway's clock, either way, is accepted")
  void toleratesSkew() {
    Signed early = sign(request -> request, "good-secret", NOW.minus(Duration.ofMinutes(4)));
    Signed late = sign(request -> request, "good-secret", NOW.plus(Duration.ofMinutes(4)));

    assertThatCode(() -> verifier.claim(early.headers())).doesNotThrowAnyException();
    assertThatCode(() -> verifier.claim(late.headers())).doesNotThrowAnyException();
  }

  static Stream<Arguments> refusedBeforeTheBody() {
    return Stream.of(
        Arguments.of(
            "no Authorization header",
            sign(r -> r, "good-secret", NOW).without("Authorization"),
            "MissingAuthenticationTokenException",
            "Missing Authentication Token"),
        Arguments.of(
            "a bearer token instead of a signature",
            sign(r -> r, "good-secret", NOW).with("Authorization", "Bearer example-token"),
            "IncompleteSignatureException",
            "AWS4-HMAC-SHA256"),
        Arguments.of(
            "no Signature parameter",
            sign(r -> r, "good-secret", NOW)
                .with(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDGOOD/20260301/us-east-1/lambda/aws4_request,"
                        + " SignedHeaders=host"),
            "IncompleteSignatureException",
            "requires 'Signature' parameter"),
        Arguments.of(
            "no X-Amz-Date",
            sign(r -> r, "good-secret", NOW).without("X-Amz-Date"),
            "IncompleteSignatureException",
            "X-Amz-Date"),
        Arguments.of(
            "an unknown access key",
            sign(r -> r, "good-secret", NOW, "AKIDUNKNOWN"),
            "UnrecognizedClientException",
            "The security token included in the request is invalid."),
        Arguments.of(
            "a signature older than five minutes",
            sign(r -> r, "good-secret", NOW.minus(Duration.ofMinutes(6))),
            "InvalidSignatureException",
            "Signature expired: 20260301T115400Z is now earlier than 20260301T115500Z"
                + " (20260301T120000Z - 5 min.)"),
        Arguments.of(
            "a signature from more than five minutes ahead",
            sign(r -> r, "good-secret", NOW.plus(Duration.ofMinutes(6))),
            "InvalidSignatureException",
            "Signature not yet current"),
        Arguments.of(
            "another region's scope",
            sign(r -> r, "good-secret", NOW, "AKIDGOOD", "eu-west-1", "lambda"),
            "InvalidSignatureException",
            "Credential should be scoped to a valid region, not 'eu-west-1'."),
        Arguments.of(
            "another service's scope",
            sign(r -> r, "good-secret", NOW, "AKIDGOOD", "us-east-1", "s3"),
            "InvalidSignatureException",
            "Credential should be scoped to correct service: 'lambda'."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("the headers alone refuse a request, with AWS's code and message")
  void refusedBeforeTheBody(String what, Signed signed, String code, String message) {
    ServiceError error =
        catchThrowableOfType(ServiceError.class, () -> verifier.claim(signed.headers()));

    assertThat(error.status()).isEqualTo(403);
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.getMessage()).contains(message);
  }

  static Stream<Arguments> refusedWithTheBody() {
    return Stream.of(
        Arguments.of("a wrong secret", sign(r -> r, "wrong-secret", NOW), BODY),
        Arguments.of("another body", sign(r -> r, "good-secret", NOW), "{\"Records\":[1]}"),
        Arguments.of(
            "a changed signed header",
            sign(r -> r, "good-secret", NOW).with("X-Amz-Invocation-Type", "DryRun"),
            BODY),
        Arguments.of(
            "a changed path",
            sign(r -> r, "good-secret", NOW).at("/2015-03-31/functions/other%3Alive/invocations"),
            BODY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("a signature that does not match the request is InvalidSignatureException")
  void refusedWithTheBody(String what, Signed signed, String body) {
    Claim claim = verifier.claim(signed.headers());

    ServiceError error =
        catchThrowableOfType(
            ServiceError.class, () -> verifier.verify(claim, signed.received(body)));

    assertThat(error.status()).isEqualTo(403);
    assertThat(error.code()).isEqualTo("InvalidSignatureException");
    assertThat(error.getMessage())
        .startsWith("The request signature we calculated does not match the signature you");
  }

  @Test
  @DisplayName("the claim names the key and time, never the secret")
  void claimHidesTheSecret() {
    Claim claim = verifier.claim(sign(r -> r, "good-secret", NOW).headers());

    assertThat(claim.toString()).contains("AKIDGOOD").doesNotContain("good-secret");
  }

  private static Signed sign(
      UnaryOperator<SdkHttpFullRequest.Builder> customize, String secret, Instant at) {
    return sign(customize, secret, at, "AKIDGOOD");
  }

  private static Signed sign(
      UnaryOperator<SdkHttpFullRequest.Builder> customize,
      String secret,
      Instant at,
      String accessKey) {
    return sign(customize, secret, at, accessKey, "us-east-1", "lambda");
  }

  /** What the SDK's public signer sends for a POST of {@link #BODY} to {@link #PATH}. */
  private static Signed sign(
      UnaryOperator<SdkHttpFullRequest.Builder> customize,
      String secret,
      Instant at,
      String accessKey,
      String region,
      String service) {
    SdkHttpFullRequest request =
        customize
            .apply(
                SdkHttpFullRequest.builder()
                    .method(SdkHttpMethod.POST)
                    .uri(URI.create("http://127.0.0.1:8080" + PATH))
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Amz-Invocation-Type", "RequestResponse"))
            .build();
    var signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(AwsCredentialsIdentity.create(accessKey, secret))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(BODY))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
    Map<String, List<String>> query = new LinkedHashMap<>(request.rawQueryParameters());
    return new Signed(PATH, query, new TreeMap<>(signed.request().headers()));
  }

  /** A signed request as it arrives; the mutators model what a proxy or attacker could change. */
  record Signed(String path, Map<String, List<String>> query, Map<String, List<String>> sent) {

    Function<String, List<String>> headers() {
      Map<String, List<String>> lower = new TreeMap<>();
      sent.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
      return name -> lower.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    ReceivedRequest received(String body) {
      return new ReceivedRequest("POST", path, query, headers(), sha256(body));
    }

    Signed without(String header) {
      Map<String, List<String>> changed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      changed.putAll(sent);
      changed.remove(header);
      return new Signed(path, query, changed);
    }

    Signed with(String header, String value) {
      Signed without = without(header);
      Map<String, List<String>> changed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      changed.putAll(without.sent);
      changed.put(header, new ArrayList<>(List.of(value)));
      return new Signed(path, query, changed);
    }

    Signed at(String otherPath) {
      return new Signed(otherPath, query, sent);
    }

    @Override
    public String toString() {
      return path;
    }
  }

  private static String sha256(String body) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new AssertionError(impossible);
    }
  }
}
