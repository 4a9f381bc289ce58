package io.lambdagateway.app.logging;

/** How log lines are written to stderr. */
public enum LogFormat {
  /** {@code HH:mm:ss.SSS LEVEL [thread] logger - message}, for people. */
  TEXT,
  /** One JSON object per line (Logback's {@code JsonEncoder}), for log collectors. */
  JSON
}
