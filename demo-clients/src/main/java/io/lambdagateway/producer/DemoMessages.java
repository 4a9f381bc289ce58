package io.lambdagateway.producer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of the public example's semi-structured Kafka messages. Each message holds a
 * random number of rows (see {@link RowsRange}) joined by {@code \n}; each row is
 *
 * <pre>
 * ts=2024-06-20T21:06:48Z&amp;ip=FILL_ME&amp;useragent=&lt;ua&gt;&amp;data={"appid":"rand_id_1","payload":{"EMAIL":"..","MOBILE":".."},"identity":".."}
 * </pre>
 *
 * <p>As in the public producer, {@code data} is raw JSON, not URL-encoded; no generated value holds
 * '&amp;' or '=', so splitting a row on those characters is safe. Timestamps are drawn from a fixed
 * day, not the clock, so the same seed and range give the same messages on every run. Not
 * thread-safe: use one instance per thread.
 */
public final class DemoMessages {

  /** The day all generated timestamps fall on (the public example's sample date). */
  static final Instant BASE_TIME = Instant.parse("2024-06-20T00:00:00Z");

  private static final int SECONDS_PER_DAY = 86_400;
  private static final List<String> FIRST_NAMES =
      List.of(
          "Laisha", "Lucas", "Maria", "Noah", "Olivia", "Ivan", "Yuki", "Amara", "Diego", "Chloe");
  private static final List<String> LAST_NAMES =
      List.of(
          "Dickinson",
          "Smith",
          "Garcia",
          "Kowalski",
          "Tanaka",
          "Okafor",
          "Rossi",
          "Dubois",
          "Novak");
  private static final List<String> MAIL_DOMAINS = List.of("gmail.com", "yahoo.com", "hotmail.com");
  private static final List<String> USER_AGENTS =
      List.of(
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
          "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
          "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
          "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
          "curl/8.8.0");

  private final Random random;
  private final RowsRange rows;

  /** A generator whose output is fully determined by {@code seed} and {@code rows}. */
  public DemoMessages(long seed, RowsRange rows) {
    this.random = new Random(seed);
    this.rows = rows;
  }

  /** The next message: its rows joined by {@code \n}, without a trailing newline. */
  public String next() {
    int count = rows.min() + random.nextInt(rows.max() - rows.min() + 1);
    StringBuilder message = new StringBuilder(count * 320);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        message.append('\n');
      }
      appendRow(message);
    }
    return message.toString();
  }

  private void appendRow(StringBuilder row) {
    Instant ts = BASE_TIME.plus(random.nextInt(SECONDS_PER_DAY), ChronoUnit.SECONDS);
    row.append("ts=")
        .append(ts)
        .append("&ip=FILL_ME")
        .append("&useragent=")
        .append(pick(USER_AGENTS))
        .append("&data={\"appid\":\"rand_id_")
        .append(random.nextInt(100_000))
        .append("\",\"payload\":{\"EMAIL\":\"")
        .append(email(pick(MAIL_DOMAINS)))
        .append("\",\"MOBILE\":\"")
        .append(phone())
        .append("\"},\"identity\":\"")
        .append(email("example.com"))
        .append("\"}");
  }

  private String email(String domain) {
    return pick(FIRST_NAMES) + "_" + pick(LAST_NAMES) + random.nextInt(100) + "@" + domain;
  }

  private String phone() {
    return String.format(
        "%03d-%03d-%04d", 200 + random.nextInt(800), random.nextInt(1000), random.nextInt(10_000));
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
