package io.lambdagateway.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.transfer.ResponseForm;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Golden request/response pairs")
class GoldenFilesTest {

  private final Enricher enricher = Enricher.create(new EnricherConfig(Golden.PUBLIC_IP, false));

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("goldenPairs")
  @DisplayName("Each golden request transforms into its golden response, equal as JSON")
  void goldenRequestGivesGoldenResponse(String name, ResponseForm form) {
    byte[] actual = enricher(form).transform(Golden.request(name));

    assertThat(Golden.tree(actual)).isEqualTo(Golden.tree(Golden.response(name, form)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("goldenPairs")
  @DisplayName("Each golden response is byte for byte the output, field order included")
  void goldenResponseMatchesTheBytesWritten(String name, ResponseForm form) {
    String actual =
        new String(enricher(form).transform(Golden.request(name)), StandardCharsets.UTF_8);

    assertThat(actual).isEqualTo(Golden.compact(Golden.response(name, form)));
  }

  @Test
  @DisplayName("The enricher answers in the compact form unless told otherwise")
  void compactIsTheDefault() {
    byte[] actual = enricher.transform(Golden.request("demo"));

    assertThat(Golden.tree(actual))
        .isEqualTo(Golden.tree(Golden.response("demo", ResponseForm.COMPACT)));
  }

  static Stream<Arguments> goldenPairs() {
    return Golden.NAMES.stream()
        .flatMap(name -> Stream.of(ResponseForm.values()).map(form -> Arguments.of(name, form)));
  }

  private static Enricher enricher(ResponseForm form) {
    return Enricher.create(new EnricherConfig(Golden.PUBLIC_IP, false, form));
  }

  @Test
  @DisplayName("An empty batch is answered with an empty batch, exactly")
  void emptyBatchAnswersEmptyBatch() {
    byte[] actual = enricher.transform("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));

    assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo("{\"Records\":[]}");
  }

  @Test
  @DisplayName("commitTime 1718876759101000000 is copied digit for digit into every item")
  void nanosecondCommitTimeIsExact() {
    String actual =
        new String(enricher.transform(Golden.request("commit-time-nanos")), StandardCharsets.UTF_8);

    assertThat(actual).contains("\"commitTime\":1718876759101000000,");
    assertThat(actual).doesNotContain("1.718876759101E18");
  }

  @Test
  @DisplayName("commitTime values above 2^63-1 survive byte for byte, up to 2^64-1")
  void unsignedCommitTimeAboveLongMaxIsExact() {
    String actual =
        new String(
            enricher.transform(Golden.request("commit-time-max-uint64")), StandardCharsets.UTF_8);

    assertThat(actual)
        .contains("\"nextlsn\":18446744073709551615,\"commitTime\":18446744073709551615,")
        .contains("\"commitTime\":9223372036854775808,")
        .doesNotContain("-1,")
        .doesNotContain("E19");
  }

  @Test
  @DisplayName("The demo response carries the public producer's row and the README's row")
  void demoHasTheExampleRows() {
    String actual = new String(enricher.transform(Golden.request("demo")), StandardCharsets.UTF_8);

    assertThat(actual)
        .contains(
            "[\"2024-06-20T21:06:48Z\",\"203.0.113.7\",{\"EMAIL\":\"1@gmail.com\","
                + "\"MOBILE\":\"0\"},\"rand_id_1\",\"1@gmail.com\"]")
        .contains(
            "[\"1722183591238\",\"203.0.113.7\",{\"EMAIL\":\"Laisha28@yahoo.com\","
                + "\"MOBILE\":\"366-380-1466\"},\"rand_id_27212\",\"Lucas_Dickinson@example.com\"]");
  }
}
