package io.lambdagateway.gateway.http.auth;

import io.lambdagateway.gateway.http.ServiceError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4Properties;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Verifies SigV4 signatures of Lambda API requests the way AWS does, with the AWS SDK for Java v2's
 * own signer computing the expected signature; pure (no Vert.x), so every rule is unit-tested.
 *
 * <p>Two steps, so that a request that cannot be valid is refused before its body is read: {@link
 * #claim} checks what the headers say (Authorization present and complete, key configured, scope =
 * this region and {@code lambda}, {@code X-Amz-Date} within {@link #MAX_SKEW} of now); {@link
 * #verify} rebuilds the canonical request from the request as received (method, path as sent,
 * query, the headers the client listed as signed, the body's SHA-256), signs it with the claimed
 * key's secret, date and scope, and compares in constant time.
 *
 * <p>Why the SDK's {@code DefaultV4RequestSigner} and not its public {@code AwsV4HttpSigner}: the
 * public signer always adds and signs {@code x-amz-content-sha256}, as the Java SDK v2 sends it;
 * botocore (the AWS CLI), Go and JavaScript clients do not send it for Lambda, so only the signer
 * step that signs a request's headers as given, with a given payload hash, can reproduce every
 * client's signature. It is the same code the public signer runs.
 */
final class SigV4Verifier {

  /** How far X-Amz-Date may be from the gateway's clock, either way (AWS: 5 minutes). */
  static final Duration MAX_SKEW = Duration.ofMinutes(5);

  static final String SERVICE = "lambda";

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String MISMATCH =
      "The request signature we calculated does not match the signature you provided. Check your"
          + " AWS Secret Access Key and signing method. Consult the service documentation for"
          + " details.";

  private final AccessKeys keys;
  private final String region;
  private final Clock clock;

  SigV4Verifier(AccessKeys keys, String region, Clock clock) {
    this.keys = keys;
    this.region = region;
    this.clock = clock;
  }

  /**
   * What a request's headers claim, once they could be a valid signature.
   *
   * @param header the parsed Authorization header
   * @param secret the secret of its access key
   * @param signedAt its X-Amz-Date
   */
  record Claim(SignatureHeader header, String secret, Instant signedAt) {
    @Override
    public String toString() {
      return "Claim[" + header.accessKeyId() + " at " + signedAt + "]";
    }
  }

  /**
   * A request as received.
   *
   * @param method the HTTP method
   * @param rawPath the path exactly as sent (still percent-encoded)
   * @param query the query parameters, decoded, each with its values in the order sent
   * @param headers every value of a header, by name in any case; empty when absent
   * @param payloadSha256 the body's SHA-256, lower-case hex
   */
  record ReceivedRequest(
      String method,
      String rawPath,
      Map<String, List<String>> query,
      Function<String, List<String>> headers,
      String payloadSha256) {}

  /**
   * Checks what the headers alone can tell.
   *
   * @throws ServiceError 403: MissingAuthenticationToken, IncompleteSignature, UnrecognizedClient
   *     or InvalidSignature (scope, expired, not yet current)
   */
  Claim claim(Function<String, List<String>> headers) {
    String authorization = first(headers, "authorization");
    if (authorization == null) {
      throw ServiceError.missingAuthenticationToken();
    }
    SignatureHeader header = SignatureHeader.parse(authorization);
    String amzDate = first(headers, "x-amz-date");
    if (amzDate == null) {
      throw ServiceError.incompleteSignature(
          "Authorization header requires existence of a 'X-Amz-Date' header.");
    }
    Instant signedAt = parseAmzDate(amzDate);
    String secret =
        keys.secretOf(header.accessKeyId()).orElseThrow(ServiceError::unrecognizedClient);
    checkScope(header, amzDate);
    checkTime(signedAt);
    return new Claim(header, secret, signedAt);
  }

  /**
   * Checks the signature of a request whose headers passed {@link #claim}.
   *
   * @throws ServiceError 403 InvalidSignatureException when it does not match
   */
  void verify(Claim claim, ReceivedRequest request) {
    String expected;
    try {
      expected = expectedSignature(claim, request);
    } catch (IllegalArgumentException unsignable) {
      // A method or path the signer cannot even represent cannot carry a valid signature.
      throw mismatch();
    }
    byte[] given =
        claim.header().signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given)) {
      throw mismatch();
    }
  }

  /** AWS's answer to a signature that is not the one computed for the request. */
  static ServiceError mismatch() {
    return ServiceError.invalidSignature(MISMATCH);
  }

  private String expectedSignature(Claim claim, ReceivedRequest request) {
    SdkHttpRequest.Builder canonical =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(request.method()))
            .protocol("http")
            .host("localhost")
            .encodedPath(request.rawPath());
    request.query().forEach(canonical::putRawQueryParameter);
    for (String name : claim.header().signedHeaders()) {
      List<String> values = request.headers().apply(name);
      if (!values.isEmpty()) {
        canonical.putHeader(name, values);
      }
    }
    SignatureHeader header = claim.header();
    V4Properties properties =
        V4Properties.builder()
            .credentials(AwsCredentialsIdentity.create(header.accessKeyId(), claim.secret()))
            .credentialScope(new CredentialScope(header.region(), SERVICE, claim.signedAt()))
            .signingClock(Clock.fixed(claim.signedAt(), ZoneOffset.UTC))
            .doubleUrlEncode(true)
            .normalizePath(true)
            .build();
    return new DefaultV4RequestSigner(properties, request.payloadSha256())
        .sign(canonical)
        .getSignature();
  }

  private void checkScope(SignatureHeader header, String amzDate) {
    if (!header.service().equals(SERVICE)) {
      throw ServiceError.invalidSignature(
          "Credential should be scoped to correct service: '" + SERVICE + "'.");
    }
    if (!header.region().equals(region)) {
      throw ServiceError.invalidSignature(
          "Credential should be scoped to a valid region, not '" + header.region() + "'.");
    }
    if (!amzDate.startsWith(header.date() + "T")) {
      throw ServiceError.invalidSignature(
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from"
              + " HTTP: '"
              + header.date()
              + "' != '"
              + amzDate.substring(0, Math.min(8, amzDate.length()))
              + "', from '"
              + amzDate
              + "'.");
    }
  }

  private void checkTime(Instant signedAt) {
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(MAX_SKEW))) {
      throw ServiceError.invalidSignature(
          "Signature expired: "
              + AMZ_DATE.format(signedAt)
              + " is now earlier than "
              + AMZ_DATE.format(now.minus(MAX_SKEW))
              + " ("
              + AMZ_DATE.format(now)
              + " - 5 min.)");
    }
    if (signedAt.isAfter(now.plus(MAX_SKEW))) {
      throw ServiceError.invalidSignature(
          "Signature not yet current: "
              + AMZ_DATE.format(signedAt)
              + " is still later than "
              + AMZ_DATE.format(now.plus(MAX_SKEW))
              + " ("
              + AMZ_DATE.format(now)
              + " + 5 min.)");
    }
  }

  private static Instant parseAmzDate(String amzDate) {
    try {
      return Instant.from(AMZ_DATE.parse(amzDate));
    } catch (DateTimeParseException notIso) {
      throw ServiceError.incompleteSignature(
          "X-Amz-Date must be in the ISO-8601 basic format yyyyMMdd'T'HHmmss'Z'.");
    }
  }

  private static String first(Function<String, List<String>> headers, String name) {
    List<String> values = headers.apply(name);
    return values.isEmpty() ? null : values.get(0);
  }
}
