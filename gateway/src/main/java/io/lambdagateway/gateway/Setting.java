package io.lambdagateway.gateway;

import io.lambdagateway.transfer.LambdaLimits;

/**
 * Every configuration knob of the gateway: its environment variable, its command-line flag, its
 * default and what it means. {@link GatewayConfig#fromSettings} parses them; the launcher turns
 * each into a flag; a flag beats the environment variable, which beats the default.
 */
public enum Setting {
  HOST(
      "GATEWAY_HOST",
      "--host",
      "127.0.0.1",
      "Interface the HTTP server binds; 0.0.0.0 for every interface (the image sets it)."),
  PORT("GATEWAY_PORT", "--port", "8080", "TCP port (0 = any free port)."),
  FUNCTION_NAME(
      "GATEWAY_FUNCTION_NAME",
      "--function-name",
      "enricher",
      "Name of the enricher function, which is also the default function."),
  FUNCTIONS(
      "GATEWAY_FUNCTIONS",
      "--function",
      "",
      "A function of your own to host, repeatable (in the variable: specs separated by ';'): "
          + "name=N,runtime=nodejs|python|java|provided,code=DIR|ZIP,handler=H"
          + "[,timeout=3s][,memory=128][,concurrency=N][,env.KEY=VALUE...]; timeout and memory "
          + "default to AWS's 3s and 128 MB, concurrency to unreserved; values cannot contain "
          + "',' or ';' (use a template).",
      true),
  TEMPLATE(
      "GATEWAY_TEMPLATE",
      "--template",
      "",
      "SAM/CloudFormation template whose AWS::Serverless::Function and AWS::Lambda::Function "
          + "resources to host (empty = none); what it ignores is logged, one line per function."),
  RUNTIME_IDLE_TIMEOUT(
      "GATEWAY_RUNTIME_IDLE_TIMEOUT",
      "--runtime-idle-timeout",
      "10m",
      "A hosted function's execution environment unused this long is stopped (its process "
          + "ends); the next call starts a new one (a cold start)."),
  RUNTIME_INIT_TIMEOUT(
      "GATEWAY_RUNTIME_INIT_TIMEOUT",
      "--runtime-init-timeout",
      "10s",
      "How long a hosted function's runtime may take to initialise (AWS: 10s); the call's "
          + "timeout starts after init. Past it the process is killed: Sandbox.Timedout."),
  RUNTIME_STOP_GRACE(
      "GATEWAY_RUNTIME_STOP_GRACE",
      "--runtime-stop-grace",
      "500ms",
      "When an execution environment stops (idle, shutdown), how long its runtime process has "
          + "between SIGTERM and SIGKILL."),
  RUNTIME_MAX_LINE(
      "GATEWAY_RUNTIME_MAX_LINE",
      "--runtime-max-line",
      "8192",
      "Longest line of a runtime process's output that is kept; the rest of a longer line is "
          + "dropped and counted."),
  RUNTIME_LOG_RATE(
      "GATEWAY_RUNTIME_LOG_RATE",
      "--runtime-log-rate",
      "1000",
      "Lines of runtime output per execution environment and second written to the gateway's "
          + "log; more are dropped and counted (the call's Tail log keeps them)."),
  AUTH_TOKEN(
      "GATEWAY_AUTH_TOKEN",
      "--auth-token",
      "",
      "Bearer token function URLs require (empty = no check)."),
  DASHBOARD_LOGS(
      "GATEWAY_DASHBOARD_LOGS",
      "--dashboard-logs",
      "false",
      "Let the dashboard (GET /) show the log lines of recent invocations; they may carry the "
          + "events' data, and anyone who reaches the port can read them."),
  PIPELINE_STATUS_URL(
      "GATEWAY_PIPELINE_STATUS_URL",
      "--pipeline-status-url",
      "",
      "A pipeline's status JSON (http://HOST:PORT/status) for the dashboard's pipeline panel "
          + "(empty = no panel)."),
  AWS_CREDENTIALS(
      "GATEWAY_AWS_CREDENTIALS",
      "--aws-credentials",
      "",
      "Access keys whose SigV4 signatures the Lambda API (every /20xx-xx-xx/... path) requires: "
          + "KEY:SECRET[,KEY:SECRET...] (empty = no check unless --aws-credentials-file). "
          + "Function URLs keep --auth-token; /health and /metrics stay open."),
  AWS_CREDENTIALS_FILE(
      "GATEWAY_AWS_CREDENTIALS_FILE",
      "--aws-credentials-file",
      "",
      "File of KEY:SECRET lines (# comments) for the same check, added to --aws-credentials; "
          + "keeps secrets out of the command line and the environment."),
  FUNCTION_TIMEOUT(
      "GATEWAY_FUNCTION_TIMEOUT",
      "--function-timeout",
      "30s",
      "Function timeout (e.g. 500ms, 30s, 2m); past it the call fails with Sandbox.Timedout."),
  REGION("GATEWAY_REGION", "--region", "us-east-1", "Region used in ARNs."),
  ACCOUNT_ID("GATEWAY_ACCOUNT_ID", "--account-id", "000000000000", "Account id used in ARNs."),
  MEMORY_SIZE(
      "GATEWAY_MEMORY_SIZE",
      "--memory-size",
      "512",
      "Memory size in MB reported by GetFunction and REPORT lines (not enforced)."),
  MAX_SYNC_PAYLOAD(
      "GATEWAY_MAX_SYNC_PAYLOAD",
      "--max-sync-payload",
      String.valueOf(LambdaLimits.MAX_SYNC_REQUEST_BYTES),
      "Largest request body of a synchronous call or a function-URL call (413 above)."),
  MAX_ASYNC_PAYLOAD(
      "GATEWAY_MAX_ASYNC_PAYLOAD",
      "--max-async-payload",
      String.valueOf(LambdaLimits.MAX_ASYNC_REQUEST_BYTES),
      "Largest request body of an Event (asynchronous) call (413 above)."),
  MAX_RESPONSE_PAYLOAD(
      "GATEWAY_MAX_RESPONSE_PAYLOAD",
      "--max-response-payload",
      String.valueOf(LambdaLimits.MAX_RESPONSE_BYTES),
      "Largest function response (Function.ResponseSizeTooLarge above)."),
  MAX_HEADER_SIZE(
      "GATEWAY_MAX_HEADER_SIZE",
      "--max-header-size",
      "16384",
      "Largest total size of request headers (431 above)."),
  MAX_REQUEST_LINE(
      "GATEWAY_MAX_REQUEST_LINE",
      "--max-request-line",
      "8192",
      "Longest request line: method, URI and version (414 above)."),
  IDLE_TIMEOUT(
      "GATEWAY_IDLE_TIMEOUT",
      "--idle-timeout",
      "120s",
      "A connection with no traffic for this long is closed; keep it above the function timeout."),
  MAX_BODY_BYTES_IN_FLIGHT(
      "GATEWAY_MAX_BODY_BYTES_IN_FLIGHT",
      "--max-body-bytes-in-flight",
      "64MiB",
      "Request-body bytes all requests together may hold in memory at once; a request whose "
          + "body would pass it gets 429 (Reason ConcurrentRequestBytesLimitExceeded, "
          + "Retry-After) and its connection is closed."),
  HTTP2(
      "GATEWAY_HTTP2",
      "--http2",
      "false",
      "Also speak cleartext HTTP/2 (h2c, prior knowledge or Upgrade). Off by default: Transfer "
          + "and the AWS SDKs speak HTTP/1.1, and the header deadline and the Content-Length + "
          + "Transfer-Encoding check do not see the first request of an h2c-capable connection."),
  HTTP2_MAX_STREAMS(
      "GATEWAY_HTTP2_MAX_STREAMS",
      "--http2-max-streams",
      "32",
      "Concurrent streams one HTTP/2 connection may open (its SETTINGS_MAX_CONCURRENT_STREAMS)."),
  HEADER_TIMEOUT(
      "GATEWAY_HEADER_TIMEOUT",
      "--header-timeout",
      "10s",
      "A request's headers must arrive within this time of its first byte (or of the "
          + "connection's opening); past it the connection is closed."),
  MIN_BODY_RATE(
      "GATEWAY_MIN_BODY_RATE",
      "--min-body-rate",
      "1KiB/s",
      "Slowest accepted request-body upload, checked once per --body-rate-window; a slower "
          + "one gets 408 and its connection is closed (0 = no minimum)."),
  BODY_RATE_WINDOW(
      "GATEWAY_BODY_RATE_WINDOW",
      "--body-rate-window",
      "5s",
      "The window over which --min-body-rate is measured."),
  CLIENT_ERROR_LOG_LINES(
      "GATEWAY_CLIENT_ERROR_LOG_LINES",
      "--client-error-log-lines",
      "20",
      "Log lines per minute about bad requests (malformed HTTP, bad escapes or encodings, "
          + "refused bodies); more are counted and summed up in the next line."),
  EVENT_QUEUE_SIZE(
      "GATEWAY_EVENT_QUEUE_SIZE",
      "--event-queue-size",
      "1000",
      "Event invocations waiting to run, at most (429 above)."),
  EVENT_CONCURRENCY(
      "GATEWAY_EVENT_CONCURRENCY",
      "--event-concurrency",
      "4",
      "Event invocations running at once."),
  EVENT_QUEUE_BYTES(
      "GATEWAY_EVENT_QUEUE_BYTES",
      "--event-queue-bytes",
      "256MB",
      "Payload bytes of the Event invocations accepted and not yet finished, at most (429 above); "
          + "with a state directory it also bounds the journal."),
  EVENT_MAX_RETRIES(
      "GATEWAY_EVENT_MAX_RETRIES",
      "--event-max-retries",
      "2",
      "Retries of a failed Event invocation, 0 to 2 as Lambda's MaximumRetryAttempts (we wait 1s, "
          + "then 2s); then it goes to the on-failure destination."),
  EVENT_MAX_AGE(
      "GATEWAY_EVENT_MAX_AGE",
      "--event-max-age",
      "6h",
      "An Event invocation older than this is not run again and goes to the on-failure "
          + "destination; 60s to 6h as Lambda's MaximumEventAgeInSeconds."),
  EVENT_ON_FAILURE(
      "GATEWAY_EVENT_ON_FAILURE",
      "--event-on-failure",
      "",
      "Where Event invocations that fail for good go, as Lambda's invocation record: empty = "
          + "event-failures.jsonl in the state directory (the log without one); file:PATH (JSON "
          + "lines); kafka://HOST:PORT[,HOST:PORT]/TOPIC (plaintext Kafka)."),
  STATE_DIR(
      "GATEWAY_STATE_DIR",
      "--state-dir",
      "",
      "Directory where accepted Event invocations are journaled (fsync'd before the 202) to run "
          + "after a restart, and where those that fail for good are written ("
          + "event-failures.jsonl); empty = memory only: lost on restart, failures only logged."),
  MAX_CONCURRENCY(
      "GATEWAY_MAX_CONCURRENCY",
      "--max-concurrency",
      "1000",
      "Invocations running at once over all functions (429 ConcurrentInvocationLimitExceeded)."),
  RESERVED_CONCURRENCY(
      "GATEWAY_RESERVED_CONCURRENCY",
      "--reserved-concurrency",
      "",
      "Invocations of the enricher running at once (empty = no limit, 0 = throttle all)."),
  INSTANCES(
      "GATEWAY_INSTANCES",
      "--instances",
      "0",
      "HTTP verticle instances, one per event loop (0 = number of CPU cores)."),
  SHUTDOWN_GRACE(
      "GATEWAY_SHUTDOWN_GRACE",
      "--shutdown-grace",
      "10s",
      "On SIGTERM, how long in-flight calls may take to finish."),
  BENCH_ECHO(
      "GATEWAY_BENCH_ECHO",
      "--bench-echo",
      "false",
      "Benchmark only: also serve POST /bench/echo (bare route returning the body), POST "
          + "/bench/answer (the default function's answer, computed once per body) and host the "
          + "function echo (returns its event)."),
  ENRICHER_PUBLIC_IP(
      "ENRICHER_PUBLIC_IP",
      "--enricher-public-ip",
      "",
      "Value of the enricher's ip column (empty = discovered once at start-up: "
          + "checkip.amazonaws.com, else the first non-loopback IPv4)."),
  ENRICHER_SKIP_BAD_ROWS(
      "ENRICHER_SKIP_BAD_ROWS",
      "--enricher-skip-bad-rows",
      "false",
      "Skip unparseable rows instead of marking their record ProcessingFailed."),
  ENRICHER_OUTPUT(
      "ENRICHER_OUTPUT",
      "--enricher-output",
      "compact",
      "Form of the enricher's change items: compact (only fields that are not zero values, "
          + "which Transfer decodes to the same items) or full (every field).");

  private final String envName;
  private final String flag;
  private final String defaultValue;
  private final String description;
  private final boolean repeatable;

  Setting(String envName, String flag, String defaultValue, String description) {
    this(envName, flag, defaultValue, description, false);
  }

  Setting(
      String envName, String flag, String defaultValue, String description, boolean repeatable) {
    this.envName = envName;
    this.flag = flag;
    this.defaultValue = defaultValue;
    this.description = description;
    this.repeatable = repeatable;
  }

  public String envName() {
    return envName;
  }

  public String flag() {
    return flag;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /**
   * Whether the flag may be given more than once; its environment variable then holds the values
   * separated by {@link #SEPARATOR}.
   */
  public boolean repeatable() {
    return repeatable;
  }

  /** What separates the values of a repeatable setting in its environment variable. */
  public static final String SEPARATOR = ";";
}
