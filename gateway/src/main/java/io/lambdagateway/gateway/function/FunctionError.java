package io.lambdagateway.gateway.function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An error raised inside a function (Lambda calls these "function errors").
 *
 * <p>A function reports one by failing its future with this exception. The gateway never turns it
 * into a 4xx/5xx on the Invoke API: the caller gets 200, {@code X-Amz-Function-Error: Unhandled}
 * and the body {@link #toJson()}, exactly like a managed Java or Python runtime. On a function URL
 * it becomes 502. Any other {@link Throwable} from a function is wrapped by {@link #of(Throwable)}.
 */
public final class FunctionError extends RuntimeException {

  private final String errorType;
  private final List<String> stackLines;
  private final ObjectNode postedBody;

  /**
   * @param errorType the {@code errorType} field, e.g. {@code MalformedBatch}
   * @param errorMessage the {@code errorMessage} field
   * @param stackLines the {@code stackTrace} array, outermost frame first (may be empty)
   */
  public FunctionError(String errorType, String errorMessage, List<String> stackLines) {
    this(errorType, errorMessage, stackLines, null);
  }

  private FunctionError(
      String errorType, String errorMessage, List<String> stackLines, ObjectNode postedBody) {
    super(errorMessage, null, false, false);
    this.errorType = errorType;
    this.stackLines = List.copyOf(stackLines);
    this.postedBody = postedBody;
  }

  /**
   * An error a runtime posted as JSON (Runtime API {@code /error}): the caller gets {@code body}
   * exactly as posted, whatever its fields (Node's runtime writes {@code trace}, Python adds {@code
   * requestId}).
   *
   * @param errorType the {@code Lambda-Runtime-Function-Error-Type}, else the body's errorType
   */
  public static FunctionError posted(String errorType, ObjectNode body) {
    String message = body.path("errorMessage").asText("");
    return new FunctionError(errorType, message, List.of(), body.deepCopy());
  }

  public FunctionError(String errorType, String errorMessage) {
    this(errorType, errorMessage, List.of());
  }

  /** Wraps any throwable a function raised; a {@code FunctionError} is returned as it is. */
  public static FunctionError of(Throwable failure) {
    if (failure instanceof FunctionError error) {
      return error;
    }
    List<String> frames = new ArrayList<>();
    for (StackTraceElement frame : failure.getStackTrace()) {
      frames.add(frame.toString());
    }
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    return new FunctionError(failure.getClass().getSimpleName(), message, frames);
  }

  /** The platform error Lambda reports when a function runs past its timeout. */
  public static FunctionError timedOut(Duration timeout) {
    String seconds = String.format(Locale.ROOT, "%.2f", timeout.toMillis() / 1000.0);
    return new FunctionError("Sandbox.Timedout", "Task timed out after " + seconds + " seconds");
  }

  /** The platform error Lambda reports when a response exceeds {@code limitBytes}. */
  public static FunctionError responseTooLarge(long limitBytes) {
    return new FunctionError(
        "Function.ResponseSizeTooLarge",
        "Response payload size exceeded maximum allowed payload size (" + limitBytes + " bytes).");
  }

  public String errorType() {
    return errorType;
  }

  public String errorMessage() {
    return getMessage();
  }

  public List<String> stackLines() {
    return stackLines;
  }

  /**
   * The body a Java/Python runtime posts for an error: errorMessage, errorType, stackTrace; for an
   * error made by {@link #posted}, the posted body.
   */
  public ObjectNode toJson() {
    if (postedBody != null) {
      return postedBody.deepCopy();
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("errorMessage", getMessage());
    body.put("errorType", errorType);
    ArrayNode trace = body.putArray("stackTrace");
    stackLines.forEach(trace::add);
    return body;
  }
}
