package io.lambdagateway.app.invoke;

import io.lambdagateway.app.generate.EventOutput;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

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

  /** Makes the call and prints its outcome; returns the exit status. */
  int show(Supplier<InvokeResponse> call, URI endpoint) {
    InvokeResponse response;
    try {
      response = call.get();
    } catch (CompletionException | SdkException failed) {
      err.println("lambda-gateway invoke: " + describe(unwrap(failed), endpoint));
      err.flush();
      return InvokeCommand.CALL_FAILED;
    }
    printLog(response.logResult());
    int status = response.statusCode() == null ? 200 : response.statusCode();
    if (status != 200) {
      err.println(
          "lambda-gateway invoke: "
              + (status == 202 ? "accepted for asynchronous invocation" : "dry run passed")
              + " (HTTP "
              + status
              + ")");
      err.flush();
      return 0;
    }
    out.println(EventOutput.asciiOnly(response.payload().asUtf8String()));
    out.flush();
    return response.functionError() == null ? 0 : InvokeCommand.FUNCTION_ERROR;
  }

  private void printLog(String logResult) {
    if (logResult == null || logResult.isEmpty()) {
      return;
    }
    String log = new String(Base64.getDecoder().decode(logResult), StandardCharsets.UTF_8);
    err.print(log.endsWith("\n") ? log : log + "\n");
    err.flush();
  }

  private static Throwable unwrap(Throwable failed) {
    Throwable cause = failed;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String describe(Throwable failure, URI endpoint) {
    if (failure instanceof AwsServiceException service) {
      return service.awsErrorDetails().errorCode()
          + " (HTTP "
          + service.statusCode()
          + "): "
          + service.awsErrorDetails().errorMessage();
    }
    String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    return "cannot reach " + endpoint + " (" + firstLine(reason) + ")";
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text.strip() : text.substring(0, end).strip();
  }
}
