package io.lambdagateway.enricher;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Settings of the enricher.
 *
 * <p>From the environment ({@link #fromEnvironment(Map)}):
 *
 * <ul>
 *   <li>{@value #PUBLIC_IP_VARIABLE}: the value of the {@code ip} column; when unset or blank the
 *       address is discovered once by {@link PublicAddress#discover()}.
 *   <li>{@value #SKIP_BAD_ROWS_VARIABLE}: {@code true} or {@code false} (default), any case.
 * </ul>
 *
 * @param publicIp the value of the {@code ip} column, resolved once before use; not blank
 * @param skipBadRows when true, unparseable rows are skipped instead of failing their record
 */
public record EnricherConfig(String publicIp, boolean skipBadRows) {

  public static final String PUBLIC_IP_VARIABLE = "ENRICHER_PUBLIC_IP";
  public static final String SKIP_BAD_ROWS_VARIABLE = "ENRICHER_SKIP_BAD_ROWS";

  public EnricherConfig {
    Objects.requireNonNull(publicIp, "publicIp");
    if (publicIp.isBlank()) {
      throw new IllegalArgumentException("publicIp must not be blank");
    }
  }

  /** The config of these environment variables; discovers the address when none is given. */
  public static EnricherConfig fromEnvironment(Map<String, String> environment) {
    return fromEnvironment(environment, PublicAddress::discover);
  }

  /**
   * The config of these environment variables, with {@code discovery} called (once) only when
   * {@value #PUBLIC_IP_VARIABLE} is unset or blank.
   *
   * @throws IllegalArgumentException when {@value #SKIP_BAD_ROWS_VARIABLE} is neither true nor
   *     false
   */
  public static EnricherConfig fromEnvironment(
      Map<String, String> environment, Supplier<String> discovery) {
    String ip = environment.getOrDefault(PUBLIC_IP_VARIABLE, "").trim();
    boolean skip =
        parseBoolean(SKIP_BAD_ROWS_VARIABLE, environment.getOrDefault(SKIP_BAD_ROWS_VARIABLE, ""));
    return new EnricherConfig(ip.isEmpty() ? discovery.get() : ip, skip);
  }

  /** The same config with another address. */
  public EnricherConfig withPublicIp(String ip) {
    return new EnricherConfig(ip, skipBadRows);
  }

  /** The same config with another bad-row policy. */
  public EnricherConfig withSkipBadRows(boolean skip) {
    return new EnricherConfig(publicIp, skip);
  }

  private static boolean parseBoolean(String name, String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "", "false" -> false;
      case "true" -> true;
      default ->
          throw new IllegalArgumentException(name + " must be true or false, not '" + text + "'");
    };
  }
}
