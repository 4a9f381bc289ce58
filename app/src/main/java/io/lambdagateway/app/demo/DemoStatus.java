package io.lambdagateway.app.demo;

import java.io.PrintStream;

/**
 * The demo's status lines ({@code demo: ...}) on the status stream, apart from the enriched records
 * on stdout: where each part runs, the flow banner and the final summary. Each line is flushed, so
 * that a piped stream shows it at once; printing may block, so never call it on an event loop.
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

  /** Empty when the wished port was used, else a note that a free one was picked instead. */
  static String takenNote(int used, int wished) {
    return used == wished ? "" : " (port " + wished + " is taken; a free one was picked)";
  }
}
