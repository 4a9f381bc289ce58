package io.lambdagateway.app.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads one sample from the gateway's {@code GET /metrics} (Prometheus text), over real HTTP from
 * the test thread.
 */
final class GatewayScrape {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private GatewayScrape() {}

  /**
   * The value of the sample named {@code name} whose labels include every one of {@code labels}
   * (each written {@code key="value"}); 0 when there is none.
   */
  static double sample(int port, String name, String... labels)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(10))
            .build();
    String text = CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
    for (String line : text.split("\n")) {
      if (line.startsWith(name + "{") && containsAll(line, labels)) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  private static boolean containsAll(String line, String[] labels) {
    String labelPart = line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1);
    for (String label : labels) {
      if (!labelPart.contains(label)) {
        return false;
      }
    }
    return true;
  }
}
