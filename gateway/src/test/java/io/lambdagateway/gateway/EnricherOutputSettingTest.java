package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.transfer.ResponseForm;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ENRICHER_OUTPUT / --enricher-output: the form of the hosted enricher's change items. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("The enricher's output setting")
class EnricherOutputSettingTest {

  private static final Path GOLDEN = Path.of("../enricher/src/test/resources/golden");
  private static final String ENRICHER = "/2015-03-31/functions/enricher/invocations";
  private static TestGateway fullForm;

  @BeforeAll
  static void start() {
    fullForm = TestGateway.start(Map.of("ENRICHER_OUTPUT", "full"));
  }

  @AfterAll
  static void stop() {
    fullForm.close();
  }

  @Test
  @DisplayName("is compact by default, takes full or compact in any case, and refuses others")
  void parses() {
    assertThat(GatewayConfig.defaults().enricherOutput()).isEqualTo(ResponseForm.COMPACT);
    assertThat(GatewayConfig.fromSettings(Map.of("ENRICHER_OUTPUT", "Full")).enricherOutput())
        .isEqualTo(ResponseForm.FULL);
    assertThatThrownBy(() -> GatewayConfig.fromSettings(Map.of("ENRICHER_OUTPUT", "short")))
        .hasMessageContaining("ENRICHER_OUTPUT")
        .hasMessageContaining("full or compact");
  }

  @Test
  @DisplayName("full makes the hosted enricher answer with the full golden response")
  void fullFormThroughTheGateway() throws IOException {
    HttpResponse<byte[]> response =
        Http.post(fullForm.uri(ENRICHER), Files.readString(GOLDEN.resolve("demo.request.json")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response))
        .isEqualTo(Http.json(Files.readString(GOLDEN.resolve("demo.response.json"))));
  }
}
