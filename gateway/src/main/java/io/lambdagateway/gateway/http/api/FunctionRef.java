package io.lambdagateway.gateway.http.api;

import io.lambdagateway.gateway.http.ServiceError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function name as the Invoke API accepts it, resolved to a bare name and a qualifier.
 *
 * <p>Accepted forms (Lambda service model): {@code name}, {@code name:qualifier}, the full ARN
 * {@code arn:aws:lambda:<region>:<account>:function:<name>[:qualifier]} and the partial ARN {@code
 * <account>:function:<name>[:qualifier]}, percent-encoded or not; plus the {@code Qualifier} query
 * parameter, which must agree with a qualifier carried by the name.
 *
 * @param name the bare function name
 * @param qualifier the version or alias, or null when none was given
 */
public record FunctionRef(String name, String qualifier) {

  static final int MAX_LENGTH = 256;
  static final int MAX_BARE_NAME_LENGTH = 64;
  static final String NAME_PATTERN =
      "(arn:(aws[a-zA-Z-]*)?:lambda:)?"
          + "(?<region>(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?"
          + "(?<account>\\d{12}:)?(function:)?(?<name>[a-zA-Z0-9-_\\.]+)"
          + "(:(?<qualifier>\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?";
  static final String QUALIFIER_PATTERN = "\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+";
  private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
  private static final Pattern QUALIFIER = Pattern.compile(QUALIFIER_PATTERN);

  /**
   * Parses the raw (possibly percent-encoded) path segment and the {@code Qualifier} parameter.
   *
   * @param region the gateway's region; an ARN naming another region is not reachable
   * @throws ServiceError ValidationException, InvalidParameterValueException or
   *     ResourceNotFoundException, as Lambda answers
   */
  public static FunctionRef parse(String rawSegment, String qualifierParam, String region) {
    String decoded = percentDecode(rawSegment);
    if (decoded.isEmpty() || decoded.length() > MAX_LENGTH) {
      throw ServiceError.validation(
          violation(decoded, "Member must have length less than or equal to " + MAX_LENGTH));
    }
    Matcher m = NAME.matcher(decoded);
    if (!m.matches()) {
      throw ServiceError.validation(
          violation(decoded, "Member must satisfy regular expression pattern: " + NAME_PATTERN));
    }
    String name = m.group("name");
    if (m.group("region") == null
        && m.group("account") == null
        && !decoded.startsWith("arn:")
        && name.length() > MAX_BARE_NAME_LENGTH) {
      throw ServiceError.validation(
          violation(
              decoded, "Member must have length less than or equal to " + MAX_BARE_NAME_LENGTH));
    }
    checkRegion(m.group("region"), region);
    return new FunctionRef(name, mergeQualifiers(m.group("qualifier"), qualifierParam));
  }

  private static void checkRegion(String regionGroup, String region) {
    if (regionGroup == null) {
      return;
    }
    String arnRegion = regionGroup.substring(0, regionGroup.length() - 1);
    if (!arnRegion.equals(region)) {
      throw ServiceError.functionNotFoundInRegion(arnRegion, region);
    }
  }

  private static String mergeQualifiers(String fromName, String fromParam) {
    if (fromParam == null) {
      return fromName;
    }
    if (fromParam.isEmpty()
        || fromParam.length() > 128
        || !QUALIFIER.matcher(fromParam).matches()) {
      throw ServiceError.validation(
          "1 validation error detected: Value '"
              + fromParam
              + "' at 'qualifier' failed to satisfy constraint: "
              + "Member must satisfy regular expression pattern: "
              + QUALIFIER_PATTERN);
    }
    if (fromName != null && !fromName.equals(fromParam)) {
      throw ServiceError.invalidParameter(
          "The derived qualifier from the function name does not match the specified qualifier.");
    }
    return fromParam;
  }

  private static String violation(String value, String constraint) {
    return "1 validation error detected: Value '"
        + value
        + "' at 'functionName' failed to satisfy constraint: "
        + constraint;
  }

  /** Percent-decodes a path segment; unlike form decoding, '+' stays a '+'. */
  static String percentDecode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      throw ServiceError.validation(violation(raw, "Member must be a valid percent-encoded name"));
    }
  }
}
