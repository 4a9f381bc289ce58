package io.lambdagateway.gateway.platform;

import io.lambdagateway.gateway.function.LambdaFunction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What Lambda reports about a function's deployed code and configuration beyond how it runs: the
 * facts of GetFunction's {@code Configuration} that the gateway does not derive from the {@link
 * HostedFunction} itself.
 *
 * @param description the function's description ({@code ""} when none)
 * @param environment the function's own environment variables (reported, never secrets of ours)
 * @param codeSha256 base64 of the SHA-256 of the deployment package, as AWS computes it
 * @param codeSize the deployment package's size in bytes
 * @param lastModified when the code or configuration last changed (reported to the millisecond)
 * @param revisionId changes whenever the code or configuration changes
 * @param codeLocation where GetFunction's {@code Code.Location} points (a URL), if anywhere
 * @param tags the function's tags (ListTags, GetFunction's {@code Tags})
 * @param role the execution role a deployed function was given; empty = the gateway's own
 */
public record FunctionFacts(
    String description,
    Map<String, String> environment,
    String codeSha256,
    long codeSize,
    Instant lastModified,
    String revisionId,
    Optional<String> codeLocation,
    Map<String, String> tags,
    Optional<String> role) {

  /** When this gateway process loaded its code: the last change of in-process functions. */
  private static final Instant PROCESS_START = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  public FunctionFacts {
    environment = Map.copyOf(environment);
    tags = Map.copyOf(tags);
    lastModified = lastModified.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The facts of a function started with the gateway, which reports the gateway's role. */
  public FunctionFacts(
      String description,
      Map<String, String> environment,
      String codeSha256,
      long codeSize,
      Instant lastModified,
      String revisionId,
      Optional<String> codeLocation,
      Map<String, String> tags) {
    this(
        description,
        environment,
        codeSha256,
        codeSize,
        lastModified,
        revisionId,
        codeLocation,
        tags,
        Optional.empty());
  }

  /**
   * The facts of a function compiled into the gateway: no package of its own, so its "code" is its
   * implementing class, deployed when this process started.
   */
  public static FunctionFacts inProcess(String name, LambdaFunction function) {
    String sha = sha256Base64(function.getClass().getName().getBytes(StandardCharsets.UTF_8));
    return new FunctionFacts(
        "",
        Map.of(),
        sha,
        0,
        PROCESS_START,
        revisionOf(name, sha, PROCESS_START),
        Optional.empty(),
        Map.of());
  }

  /** Base64 of the SHA-256 of {@code bytes}: the form of {@code CodeSha256}. */
  public static String sha256Base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(sha256().digest(bytes));
  }

  /** A new SHA-256 digest (every JVM has one). */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * A revision id (a UUID, as AWS's) that is the same for the same name, code and change time, so
   * that a restart with unchanged code keeps it.
   */
  public static String revisionOf(String name, String codeSha256, Instant lastModified) {
    return UUID.nameUUIDFromBytes(
            (name + "\n" + codeSha256 + "\n" + lastModified.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
