package io.lambdagateway.enricher;

import io.lambdagateway.transfer.ResponseForm;
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
 *   <li>{@value #OUTPUT_VARIABLE}: {@code compact} (default) or {@code full}, any case: how much of
 *       each change item the answer spells out ({@link ResponseForm}).
 * </ul>
 *
 * @param publicIp the value of the {@code ip} column, resolved once before use; not blank
 * @param skipBadRows when true, unparseable rows are skipped instead of failing their record
 * @param output the form of the answer's change items
 */
public record EnricherConfig(String publicIp, boolean skipBadRows, ResponseForm output) {

  public static final String PUBLIC_IP_VARIABLE = "ENRICHER_PUBLIC_IP";
  public static final String SKIP_BAD_ROWS_VARIABLE = "ENRICHER_SKIP_BAD_ROWS";
  public static final String OUTPUT_VARIABLE = "ENRICHER_OUTPUT";

  /**
   * The default form: the compact one decodes in Transfer to the same items at about a third of the
   * bytes, which is what bounds throughput and Lambda's 6 MiB answer.
   */
  public static final ResponseForm DEFAULT_OUTPUT = ResponseForm.COMPACT;

  public EnricherConfig {
    Objects.requireNonNull(publicIp, "publicIp");
    Objects.requireNonNull(output, "output");
    if (publicIp.isBlank()) {
      throw new IllegalArgumentException("publicIp must not be blank");
    }
  }

  /** A config with the default ({@link #DEFAULT_OUTPUT}) answer form. */
  public EnricherConfig(String publicIp, boolean skipBadRows) {
    this(publicIp, skipBadRows, DEFAULT_OUTPUT);
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
   *     false, or {@value #OUTPUT_VARIABLE} neither full nor compact
   */
  public static EnricherConfig fromEnvironment(
      Map<String, String> environment, Supplier<String> discovery) {
    String ip = environment.getOrDefault(PUBLIC_IP_VARIABLE, "").trim();
    boolean skip =
        parseBoolean(SKIP_BAD_ROWS_VARIABLE, environment.getOrDefault(SKIP_BAD_ROWS_VARIABLE, ""));
    String form = environment.getOrDefault(OUTPUT_VARIABLE, "");
    ResponseForm output = form.isBlank() ? DEFAULT_OUTPUT : parseOutput(form);
    return new EnricherConfig(ip.isEmpty() ? discovery.get() : ip, skip, output);
  }

  /** The same config with another address. */
  public EnricherConfig withPublicIp(String ip) {
    return new EnricherConfig(ip, skipBadRows, output);
  }

  /** The same config with another bad-row policy. */
  public EnricherConfig withSkipBadRows(boolean skip) {
    return new EnricherConfig(publicIp, skip, output);
  }

  /** The same config with another answer form. */
  public EnricherConfig withOutput(ResponseForm form) {
    return new EnricherConfig(publicIp, skipBadRows, form);
  }

  /** {@code full} or {@code compact}, any case, as {@value #OUTPUT_VARIABLE} takes it. */
  public static ResponseForm parseOutput(String text) {
    try {
      return ResponseForm.parse(text);
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException(
          OUTPUT_VARIABLE + " must be full or compact, not '" + text + "'", bad);
    }
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
