package io.lambdagateway.app.demo;

import java.io.PrintStream;

/**
 * The demo's status lines ({@code demo: ...}) on the status stream, apart from the enriched records
 * on stdout: where each part runs, the token and a curl line to try, the flow banner, a status line
 * every few seconds and the final summary. Each line is flushed, so that a piped stream shows it at
 * once; printing may block, so never call it on an event loop.
 */
final class DemoStatus {

  private final PrintStream status;

  DemoStatus(PrintStream status) {
    this.status = status;
  }

  /** Prints {@code demo: <line>} and flushes. */
  void print(String line) {
    status.println("demo: " + line);
    status.flush();
  }

  /** What flows where, printed once every part runs. */
  static String flowBanner(DemoConfig config, String functionName) {
    return "producer -> "
        + config.sourceTopic()
        + " ("
        + (config.rate() > 0 ? config.rate() + " msg/s, " : "unthrottled, ")
        + config.rows()
        + " rows each) -> pipeline -> "
        + functionName
        + " -> "
        + config.targetTopic()
        + " (dead letters: "
        + config.dlqTopic()
        + "); enriched records follow on stdout. Ctrl-C stops.";
  }

  /**
   * The token as the start-up lines show it: the built-in default as it is (it is in {@code --help}
   * anyway), any other one masked.
   */
  static String shownToken(String token) {
    if (token.equals(DemoConfig.DEFAULT_TOKEN)) {
      return token + " (the default; --token or DEMO_TOKEN sets another)";
    }
    String shown = token.length() <= 4 ? "" : token.substring(0, 2);
    return shown + "*".repeat(Math.min(8, token.length() - shown.length())) + " (from DEMO_TOKEN)";
  }

  /**
   * A curl line that calls the function URL with an empty batch, as Transfer's probe does. A token
   * other than the default is named {@code $DEMO_TOKEN}, never written out.
   */
  static String curlLine(String url, String token) {
    String bearer = token.equals(DemoConfig.DEFAULT_TOKEN) ? token : "$DEMO_TOKEN";
    return "curl -s '"
        + url
        + "' -H 'Content-Type: application/json' -H \"Authorization: Bearer "
        + bearer
        + "\" -d '{\"Records\":[]}'";
  }

  /** Empty when the wished port was used, else a note that a free one was picked instead. */
  static String takenNote(int used, int wished) {
    return used == wished ? "" : " (port " + wished + " is taken; a free one was picked)";
  }
}
