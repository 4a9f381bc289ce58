package io.lambdagateway.gateway.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.gateway.http.ServiceError;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Function-name parsing (Invoke API path segment and Qualifier)")
class FunctionRefTest {

  static Stream<Arguments> validNames() {
    return Stream.of(
        Arguments.of("enricher", null, "enricher", null),
        Arguments.of("enricher:$LATEST", null, "enricher", "$LATEST"),
        Arguments.of("enricher%3A%24LATEST", null, "enricher", "$LATEST"),
        Arguments.of("enricher:prod", null, "enricher", "prod"),
        Arguments.of("enricher:7", null, "enricher", "7"),
        Arguments.of("enricher", "$LATEST", "enricher", "$LATEST"),
        Arguments.of("enricher:$LATEST", "$LATEST", "enricher", "$LATEST"),
        Arguments.of(
            "arn:aws:lambda:us-east-1:000000000000:function:enricher", null, "enricher", null),
        Arguments.of(
            "arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aenricher%3Aprod",
            null, "enricher", "prod"),
        Arguments.of("000000000000:function:enricher", null, "enricher", null),
        Arguments.of("000000000000:function:enricher:$LATEST", null, "enricher", "$LATEST"),
        Arguments.of("my.fn_name-1", null, "my.fn_name-1", null));
  }

  @ParameterizedTest(name = "{0} ?Qualifier={1} → {2} / {3}")
  @MethodSource("validNames")
  @DisplayName("every accepted form resolves to a bare name and qualifier")
  void parsesValidNames(String raw, String qualifierParam, String name, String qualifier) {
    FunctionRef ref = FunctionRef.parse(raw, qualifierParam, "us-east-1");

    assertThat(ref.name()).isEqualTo(name);
    assertThat(ref.qualifier()).isEqualTo(qualifier);
  }

  static Stream<Arguments> invalidNames() {
    return Stream.of(
        Arguments.of("bad name", null, "ValidationException", 400),
        Arguments.of("a".repeat(65), null, "ValidationException", 400),
        Arguments.of("x".repeat(257), null, "ValidationException", 400),
        Arguments.of("enricher%zz", null, "ValidationException", 400),
        Arguments.of("enricher", "bad qualifier", "ValidationException", 400),
        Arguments.of("enricher:$LATEST", "prod", "InvalidParameterValueException", 400),
        Arguments.of(
            "arn:aws:lambda:eu-west-1:000000000000:function:enricher",
            null,
            "ResourceNotFoundException",
            404));
  }

  @ParameterizedTest(name = "{0} ?Qualifier={1} → {3} {2}")
  @MethodSource("invalidNames")
  @DisplayName("invalid or conflicting names are the service errors Lambda answers")
  void rejectsInvalidNames(String raw, String qualifierParam, String code, int status) {
    assertThatThrownBy(() -> FunctionRef.parse(raw, qualifierParam, "us-east-1"))
        .isInstanceOfSatisfying(
            ServiceError.class,
            error -> {
              assertThat(error.code()).isEqualTo(code);
              assertThat(error.status()).isEqualTo(status);
            });
  }
}
