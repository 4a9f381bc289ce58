package io.lambdagateway.gateway.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.gateway.http.ServiceError;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("ListPage: MaxItems / Marker paging of the List* operations")
class ListPageTest {

  private static final List<String> ALL = List.of("a", "b", "c", "d", "e");

  @Test
  @DisplayName("pages follow each other through NextMarker until the last, which has none")
  void pagesThroughTheList() {
    ListPage<String> first = ListPage.of(ALL, null, "2", 50);
    ListPage<String> second = ListPage.of(ALL, first.nextMarker().orElseThrow(), "2", 50);
    ListPage<String> last = ListPage.of(ALL, second.nextMarker().orElseThrow(), "2", 50);

    assertThat(first.items()).containsExactly("a", "b");
    assertThat(second.items()).containsExactly("c", "d");
    assertThat(last.items()).containsExactly("e");
    assertThat(last.nextMarker()).isEmpty();
    assertThat(ListPage.of(ALL, null, null, 50).items()).isEqualTo(ALL);
  }

  @Test
  @DisplayName("a marker past the end (items deleted meanwhile) gives an empty last page")
  void markerPastTheEnd() {
    String marker = ListPage.of(ALL, null, "4", 50).nextMarker().orElseThrow();

    assertThat(ListPage.of(List.of("a"), marker, null, 50).items()).isEmpty();
  }

  @ParameterizedTest(name = "MaxItems={0} Marker={1} -> {2}")
  @CsvSource({
    "0, , ValidationException",
    "51, , ValidationException",
    "two, , ValidationException",
    ", bm90LW91cnM, InvalidParameterValueException",
    ", '%%%', InvalidParameterValueException"
  })
  @DisplayName("a MaxItems out of the model's range or a marker not handed out is refused")
  void refusals(String maxItems, String marker, String code) {
    assertThatThrownBy(() -> ListPage.of(ALL, marker, maxItems, 50))
        .isInstanceOfSatisfying(
            ServiceError.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(code);
            });
  }
}
