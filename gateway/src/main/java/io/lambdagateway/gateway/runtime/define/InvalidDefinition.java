package io.lambdagateway.gateway.runtime.define;

/**
 * A function definition the gateway refuses: the message is one line naming the function (or the
 * spec, or the template) and what is wrong, ready to be shown to the user as it is.
 */
public final class InvalidDefinition extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidDefinition(String message) {
    super(oneLine(message));
  }

  /** {@code text} with line breaks folded into blanks, so an error never spans lines. */
  static String oneLine(String text) {
    return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
