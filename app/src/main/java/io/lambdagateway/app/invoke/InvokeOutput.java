package io.lambdagateway.app.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.app.generate.EventOutput;
import io.lambdagateway.gateway.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What {@code invoke} prints, as {@code sam local invoke} does: the log tail (when asked for) on
 * stderr first, then the answer and a newline on stdout; a function error's JSON goes to stdout
 * too, with exit status 1. A call that fails is one line on stderr (exit status 3); an Event or
 * DryRun call, which has no answer, is one line on stderr (exit status 0).
 */
final class InvokeOutput {

  private final PrintWriter out;
  private final PrintWriter err;

  InvokeOutput(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** The call that {@link #show} makes. */
  @FunctionalInterface
  interface Call {
    InvokeAnswer send() throws IOException, InterruptedException;
  }

  /** Makes the call and prints its outcome; returns the exit status. */
  int show(Call call, URI endpoint) throws InterruptedException {
    InvokeAnswer answer;
    try {
      answer = call.send();
    } catch (IOException unreachable) {
      return failed("cannot reach " + endpoint + " (" + reason(unreachable) + ")");
    }
    if (answer.status() >= 300) {
      return failed(apiError(answer));
    }
    printLog(answer.logResult());
    if (answer.status() != 200) {
      return note(
          (answer.status() == 202 ? "accepted for asynchronous invocation" : "dry run passed")
              + " (HTTP "
              + answer.status()
              + ")");
    }
    out.println(EventOutput.asciiOnly(new String(answer.body(), StandardCharsets.UTF_8)));
    out.flush();
    return answer.functionError() == null ? 0 : InvokeCommand.FUNCTION_ERROR;
  }

  /** Prints {@code line} as the reason the call failed; returns the exit status. */
  int failed(String line) {
    note(line);
    return InvokeCommand.CALL_FAILED;
  }

  private int note(String line) {
    err.println("lambda-gateway invoke: " + line);
    err.flush();
    return 0;
  }

  private void printLog(String logResult) {
    if (logResult == null || logResult.isEmpty()) {
      return;
    }
    String log = new String(Base64.getDecoder().decode(logResult), StandardCharsets.UTF_8);
    err.print(log.endsWith("\n") ? log : log + "\n");
    err.flush();
  }

  /** {@code Type (HTTP status): message}, from the X-Amzn-ErrorType header and the JSON body. */
  private static String apiError(InvokeAnswer answer) {
    String type = answer.errorType() == null ? "ServiceException" : answer.errorType();
    int colon = type.indexOf(':');
    String message;
    try {
      JsonNode body = Json.MAPPER.readTree(answer.body());
      message = body.path(body.has("message") ? "message" : "Message").asText("");
    } catch (IOException notJson) {
      message = new String(answer.body(), StandardCharsets.UTF_8);
    }
    return (colon < 0 ? type : type.substring(0, colon))
        + " (HTTP "
        + answer.status()
        + "): "
        + firstLine(message);
  }

  private static String reason(IOException failure) {
    String message = failure.getMessage();
    if (message != null && !message.isBlank()) {
      return message;
    }
    // the JDK's client says nothing more when the port is closed
    return failure instanceof ConnectException ? "connection refused" : failure.toString();
  }

  private static String firstLine(String text) {
    String line = text.strip();
    int end = line.indexOf('\n');
    return end < 0 ? line : line.substring(0, end).strip();
  }
}
