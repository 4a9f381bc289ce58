package io.lambdagateway.transfer;

import java.util.Locale;

/**
 * How much of each change item a response spells out.
 *
 * <p>Transfer's engine decodes a change item leniently (contract §8): no key is required, a missing
 * key decodes to its Go zero value, and the schema hash is computed from the decoded values. So an
 * item that leaves out every field whose value is the zero value ({@code 0}, {@code ""}, {@code
 * false}, an empty list, an empty {@code oldkeys}) decodes to exactly what the full item decodes
 * to, at about a third of the bytes.
 */
public enum ResponseForm {
  /** Every field of the item and of each column schema, as Transfer's own encoder writes them. */
  FULL,
  /** Only the fields whose values are not Go's zero values. */
  COMPACT;

  /** The form named {@code full} or {@code compact}, any case. */
  public static ResponseForm parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "full" -> FULL;
      case "compact" -> COMPACT;
      default ->
          throw new IllegalArgumentException(
              "the response form must be full or compact, not '" + name + "'");
    };
  }

  /** The name {@link #parse} reads: {@code full} or {@code compact}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
