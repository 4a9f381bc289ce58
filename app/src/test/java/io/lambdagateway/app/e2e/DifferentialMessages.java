package io.lambdagateway.app.e2e;

import io.lambdagateway.producer.DemoMessages;
import io.lambdagateway.producer.RowsRange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded Kafka values for the differential tests: the demo producer's messages, plus the row shapes
 * on which two enrichers most easily part ways, all of which the public example's Node function and
 * the Java enricher must turn into the same rows.
 *
 * <p>Shapes: empty rows (leading, doubled, trailing {@code \n}); non-ASCII text in {@code data}
 * percent-encoded as UTF-8 (the only way the example's {@code atob} reads it right, see {@link
 * NodeEnricherDifferentialTest}) or written as JSON {@code \\u} escapes; a percent-encoded {@code
 * ts}; a leading {@code ?}; a raw {@code +} (a space for both); missing {@code payload}, {@code
 * appid} or {@code identity}; payloads of every JSON type, with numbers written the way JavaScript
 * writes them back.
 */
final class DifferentialMessages {

  private static final List<String> UNICODE =
      List.of("Zoë Dubois", "東京 タワー", "Ελληνικά", "emoji 🚀✨", "naïve café", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
  private static final List<String> PAYLOADS =
      List.of(
          "{\"EMAIL\":\"a@b.c\",\"n\":42,\"ratio\":2.5,\"ok\":true,\"none\":null}",
          "[1,-2,0.125,\"x\",{\"deep\":[[],{}]}]",
          "\"a plain string\"",
          "-7",
          "false",
          "null",
          "{\"escaped\":\"caf\\u00e9 \\\"quoted\\\" \\\\ slash\\/\"}");

  private final Random random;
  private final DemoMessages demo;

  DifferentialMessages(long seed) {
    this.random = new Random(seed);
    this.demo = new DemoMessages(seed, new RowsRange(1, 4));
  }

  /** {@code count} messages, cycling through demo messages and the special shapes. */
  List<String> next(int count) {
    List<String> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      messages.add(
          switch (i % 5) {
            case 0 -> demo.next();
            case 1 -> "\n" + demo.next() + "\n\n" + demo.next() + "\n";
            case 2 -> unicodeRow() + "\n" + unicodeRow();
            case 3 -> payloadRow();
            default -> oddRow();
          });
    }
    return messages;
  }

  /** One message of {@code rows} demo rows. */
  static String manyRows(long seed, int rows) {
    return new DemoMessages(seed, new RowsRange(rows, rows)).next();
  }

  private String unicodeRow() {
    String json =
        "{\"appid\":\""
            + pick(UNICODE)
            + "\",\"payload\":{\"name\":\""
            + pick(UNICODE)
            + "\",\"n\":"
            + random.nextInt(1000)
            + "},\"identity\":\""
            + pick(UNICODE)
            + "\"}";
    return "ts=" + ts() + "&data=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
  }

  private String payloadRow() {
    return "ts="
        + ts()
        + "&useragent=curl/8.8.0&data={\"appid\":\"app_"
        + random.nextInt(100)
        + "\",\"payload\":"
        + pick(PAYLOADS)
        + ",\"identity\":\"id\\u0041\"}";
  }

  private String oddRow() {
    return switch (random.nextInt(4)) {
      case 0 -> "ts=" + ts().replace(":", "%3A") + "&data={\"payload\":1}";
      case 1 -> "?ts=" + ts() + "&data={\"appid\":\"only the appid\"}";
      case 2 -> "ts=" + ts() + "&data={\"appid\":\"a+b\",\"identity\":\"x+y\"}";
      default -> "ts=" + ts() + "&data={}";
    };
  }

  private String ts() {
    return String.format("2024-06-20T%02d:%02d:%02dZ", random.nextInt(24), random.nextInt(60), 7);
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
