package io.lambdagateway.app.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.app.Main;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.Gateway;
import io.lambdagateway.gateway.GatewayConfig;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.Result;
import io.lambdagateway.transfer.ResultRecord;
import io.vertx.core.VertxOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("invoke")
@ExtendWith(BlockedThreadGuard.class)
class InvokeCommandTest {

  private static final String PUBLIC_IP = "203.0.113.7";
  private static final String ACCESS_KEY = "AKIDINVOKETEST";
  private static final String SECRET = "invoke-test-secret";
  private static final Path DEMO_EVENT =
      Path.of("src", "test", "resources", "generate-event", "transfer-kafka-demo.json");

  private static Gateway open;
  private static Gateway signed;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final InputStream realStdin = System.in;

  @BeforeAll
  static void startGateways() {
    open = start(Map.of());
    signed = start(Map.of("GATEWAY_AWS_CREDENTIALS", ACCESS_KEY + ":" + SECRET));
  }

  @AfterAll
  static void stopGateways() {
    open.close().await();
    signed.close().await();
  }

  @AfterEach
  void restoreStdin() {
    System.setIn(realStdin);
  }

  private static Gateway start(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(extra);
    settings.putAll(
        Map.of(
            "GATEWAY_HOST", "127.0.0.1",
            "GATEWAY_PORT", "0",
            "GATEWAY_INSTANCES", "1",
            "ENRICHER_PUBLIC_IP", PUBLIC_IP));
    return Gateway.start(GatewayConfig.fromSettings(settings), List.of(), new VertxOptions())
        .await();
  }

  private static String endpoint(Gateway gateway) {
    return "http://127.0.0.1:" + gateway.port();
  }

  private int run(Map<String, String> env, String... args) {
    Map<String, String> environment = new HashMap<>(env);
    environment.putIfAbsent("ENRICHER_PUBLIC_IP", PUBLIC_IP);
    return Main.commandLine(environment)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private List<ResultRecord> answer() {
    return BatchJson.readResponse(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("In this process: the enricher answers a batch file, one line with a newline")
  void inProcessFile() {
    int status = run("invoke", "enricher", "--payload", DEMO_EVENT.toString());

    assertThat(status).isZero();
    assertThat(out.toString()).endsWith("}\n").hasLineCount(1);
    assertThat(answer()).hasSize(2).allSatisfy(r -> assertThat(r.result()).isEqualTo(Result.SPLIT));
    assertThat(out.toString()).contains("\"" + PUBLIC_IP + "\"");
  }

  @Test
  @DisplayName("generate-event transfer-kafka piped into invoke enricher --payload - is enriched")
  void generatedEventPipedIntoInvoke() {
    assertThat(run("generate-event", "transfer-kafka", "--demo", "3", "--rows", "2")).isZero();
    byte[] generated = out.toString().getBytes(StandardCharsets.UTF_8);
    out.getBuffer().setLength(0);
    System.setIn(new ByteArrayInputStream(generated));

    assertThat(run("invoke", "enricher", "--payload", "-")).isZero();

    assertThat(answer()).hasSize(3).allSatisfy(r -> assertThat(r.cdcSplit()).hasSize(2));
  }

  @Test
  @DisplayName("generate-event function-url piped into invoke: the enricher reads the event's body")
  void functionUrlEventPipedIntoInvoke() {
    assertThat(run("generate-event", "function-url", "--body", DEMO_EVENT.toString())).isZero();
    byte[] generated = out.toString().getBytes(StandardCharsets.UTF_8);
    out.getBuffer().setLength(0);
    System.setIn(new ByteArrayInputStream(generated));

    assertThat(run("invoke", "enricher", "--payload", "-")).isZero();

    assertThat(answer()).hasSize(2);
  }

  @Test
  @DisplayName("A function error prints the error JSON on stdout and exits 1")
  void functionErrorExitsOne() {
    int status = run("invoke", "enricher");

    assertThat(status).isEqualTo(InvokeCommand.FUNCTION_ERROR);
    assertThat(out.toString())
        .startsWith("{\"errorMessage\":\"the request has no 'Records' array")
        .contains("\"errorType\":\"MalformedBatch\"")
        .endsWith("}\n");
  }

  @Test
  @DisplayName("--log prints the decoded Tail log on stderr, before the answer on stdout")
  void logTail() {
    int status = run("invoke", "enricher", "--payload", DEMO_EVENT.toString(), "--log");

    assertThat(status).isZero();
    assertThat(err.toString())
        .containsPattern("(?m)^START RequestId: [0-9a-f-]+ Version: \\$LATEST$")
        .containsPattern("(?m)^END RequestId: [0-9a-f-]+$")
        .containsPattern("(?m)^REPORT RequestId: [0-9a-f-]+\tDuration: ");
    assertThat(out.toString()).doesNotContain("RequestId");
  }

  @Test
  @DisplayName("--endpoint calls a running gateway's Invoke API, with a qualifier and the log")
  void runningGateway() {
    int status =
        run(
            "invoke",
            "enricher",
            "--endpoint",
            endpoint(open),
            "--payload",
            DEMO_EVENT.toString(),
            "--qualifier",
            "$LATEST",
            "--log");

    assertThat(status).isZero();
    assertThat(answer()).hasSize(2);
    assertThat(err.toString()).contains("START RequestId: ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"enricher:$LATEST", "arn:aws:lambda:us-east-1:000000000000:function:enricher"})
  @DisplayName("--endpoint: a qualified name or an ARN travels as one path segment")
  void qualifiedNamesAndArns(String name) {
    int status =
        run("invoke", name, "--endpoint", endpoint(open), "--payload", DEMO_EVENT.toString());

    assertThat(status).isZero();
    assertThat(answer()).hasSize(2);
  }

  @Test
  @DisplayName("--endpoint: a function error exits 1 with the error JSON")
  void runningGatewayFunctionError() {
    assertThat(run("invoke", "enricher", "--endpoint", endpoint(open)))
        .isEqualTo(InvokeCommand.FUNCTION_ERROR);
    assertThat(out.toString()).contains("\"errorType\":\"MalformedBatch\"");
  }

  @Test
  @DisplayName("--endpoint: an API error (unknown function) is one line on stderr, exit 3")
  void unknownFunction() {
    int status = run("invoke", "no-such-function", "--endpoint", endpoint(open));

    assertThat(status).isEqualTo(InvokeCommand.CALL_FAILED);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("lambda-gateway invoke: ResourceNotFoundException (HTTP 404): ")
        .contains("no-such-function");
  }

  @Test
  @DisplayName("--endpoint: nothing listening is one line naming the endpoint, exit 3")
  void unreachable() {
    int status = run("invoke", "enricher", "--endpoint", "http://127.0.0.1:1");

    assertThat(status).isEqualTo(InvokeCommand.CALL_FAILED);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .isEqualTo("lambda-gateway invoke: cannot reach http://127.0.0.1:1 (connection refused)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Event, accepted for asynchronous invocation (HTTP 202)",
    "DryRun, dry run passed (HTTP 204)"
  })
  @DisplayName("--invocation-type Event and DryRun print one line on stderr and nothing on stdout")
  void eventAndDryRun(String type, String line) {
    int status =
        run(
            "invoke",
            "enricher",
            "--endpoint",
            endpoint(open),
            "--payload",
            DEMO_EVENT.toString(),
            "--invocation-type",
            type);

    assertThat(status).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("lambda-gateway invoke: " + line + "\n");
  }

  @Test
  @DisplayName("A gateway that checks SigV4 accepts the AWS_* keys and refuses the placeholder")
  void signedRequests() {
    Map<String, String> keys =
        Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET);
    String[] args = {
      "invoke", "enricher", "--endpoint", endpoint(signed), "--payload", DEMO_EVENT.toString()
    };

    assertThat(run(keys, args)).isZero();
    assertThat(answer()).hasSize(2);
    assertThat(run(args)).isEqualTo(InvokeCommand.CALL_FAILED);
    assertThat(err.toString()).startsWith("lambda-gateway invoke: ").contains("(HTTP 403)");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|Missing required parameter: 'FUNCTION'",
        "enricher --invocation-type Event|--invocation-type Event needs --endpoint",
        "enricher --invocation-type Later|invalid value for --invocation-type (env"
            + " INVOKE_INVOCATION_TYPE): 'Later': RequestResponse, Event or DryRun",
        "enricher --endpoint localhost:8080|invalid value for --endpoint (env INVOKE_ENDPOINT):"
            + " 'localhost:8080': an http:// or https:// URL",
        "enricher --payload no/such.json|invalid value for --payload (env INVOKE_PAYLOAD):"
            + " 'no/such.json': a readable file, or - for standard input",
        "enricher --function-timeout soon|invalid value for --function-timeout (env"
            + " GATEWAY_FUNCTION_TIMEOUT): 'soon'",
      })
  @DisplayName("Usage errors are one line on stderr, exit code 2, before any call")
  void usageErrors(String options, String message) {
    List<String> args = new ArrayList<>(List.of("invoke"));
    if (!options.isEmpty()) {
      args.addAll(List.of(options.split(" ")));
    }

    assertThat(run(args.toArray(String[]::new))).isEqualTo(2);

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("lambda-gateway invoke: " + message)
        .endsWith("; try 'lambda-gateway invoke --help'");
  }

  @Test
  @DisplayName("--help shows invoke's own options first, then the in-process gateway's")
  void help() {
    assertThat(run("invoke", "--help")).isZero();

    String help = out.toString().replaceAll("\\s+", " ");
    assertThat(help)
        .startsWith("Usage: lambda-gateway invoke [-hV] [OPTIONS] FUNCTION ")
        .contains("(env INVOKE_PAYLOAD, default: none)")
        .contains("(env INVOKE_INVOCATION_TYPE, default: RequestResponse)")
        .contains("(env GATEWAY_FUNCTIONS, default: none)");
    assertThat(help.indexOf("--payload")).isLessThan(help.indexOf("--function-timeout"));
  }
}
