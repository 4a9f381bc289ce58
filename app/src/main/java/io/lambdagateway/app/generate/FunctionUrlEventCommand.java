package io.lambdagateway.app.generate;

import io.lambdagateway.gateway.http.url.FunctionUrlEvent;
import io.lambdagateway.gateway.http.url.UrlRequest;
import io.lambdagateway.gateway.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate-event function-url}: a body wrapped into the payload-format-2.0 event a function
 * URL hands to its function, built by the gateway's own {@link FunctionUrlEvent} from the request
 * these options describe (as if sent by curl to the gateway's default address).
 */
@Command(
    name = "function-url",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Print the payload-format-2.0 event a function URL makes of a request.")
public final class FunctionUrlEventCommand implements Callable<Integer> {

  /** The host a request to the gateway's default address names. */
  static final String HOST = "127.0.0.1:8080";

  @Spec private CommandSpec spec;

  @Option(
      names = {"-b", "--body"},
      paramLabel = "FILE|-",
      defaultValue = "${env:EVENT_BODY}",
      description = "The request body: this file's bytes (- = standard input); none = no body.")
  private String body;

  @Option(
      names = "--method",
      defaultValue = "${env:EVENT_METHOD:-POST}",
      description = "HTTP method.")
  private String method;

  @Option(
      names = "--path",
      defaultValue = "${env:EVENT_PATH:-/}",
      description = "Path and query string, e.g. /enricher?integration=raw.")
  private String path;

  @Option(
      names = "--content-type",
      defaultValue = "${env:EVENT_CONTENT_TYPE:-application/json}",
      description = "Content-Type of the body; a binary type makes the body base64.")
  private String contentType;

  @Option(
      names = "--function-name",
      defaultValue = "${env:EVENT_FUNCTION_NAME:-enricher}",
      description = "The function, whose name is its URL id (apiId, domainPrefix).")
  private String functionName;

  @Option(
      names = "--request-id",
      defaultValue = "${env:EVENT_REQUEST_ID}",
      description = "Request id; none = a random UUID.")
  private String requestId;

  @Option(
      names = "--timestamp",
      paramLabel = "INSTANT",
      defaultValue = "${env:EVENT_TIMESTAMP:-now}",
      converter = Timestamps.class,
      description = "When the request arrived, e.g. 2024-06-20T12:00:00Z; now = the clock.")
  private Instant timestamp;

  @Override
  public Integer call() {
    byte[] bytes =
        body == null ? new byte[0] : InputSource.of(spec, "--body", body, System.in).readAll();
    int query = path.indexOf('?');
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("Host", HOST));
    headers.add(Map.entry("User-Agent", "lambda-gateway generate-event"));
    if (bytes.length > 0) {
      headers.add(Map.entry("Content-Type", contentType));
      headers.add(Map.entry("Content-Length", Integer.toString(bytes.length)));
    }
    UrlRequest request =
        new UrlRequest(
            method,
            query < 0 ? path : path.substring(0, query),
            query < 0 ? "" : path.substring(query + 1),
            headers,
            bytes,
            "HTTP/1.1",
            "127.0.0.1",
            requestId != null ? requestId : UUID.randomUUID().toString(),
            timestamp,
            functionName);
    EventOutput.print(spec, Json.bytes(FunctionUrlEvent.build(request)));
    return 0;
  }
}
