package io.lambdagateway.gateway.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Which requests SigV4 verification covers")
class SigV4GuardTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/2015-03-31/functions/enricher/invocations, true",
    "/2015-03-31, true",
    "/2015-03-31/./functions, true",
    "/%32015-03-31/functions, true",
    "/a/%2e%2e/2015-03-31/functions, true",
    "/2015-03-31/functions/%ZZ/invocations, true",
    "/enricher, false",
    "/health, false",
    "/metrics, false",
    "/2015-03-310, false",
    "/%ZZ/../2015-03-31/functions, false",
    "/2021-10-31/functions/enricher/url, true",
    "/2016-08-19/account-settings, true",
    "/2016-08-19, true",
    "/2016-8-19/account-settings, false",
    "/20xx-08-19/account-settings, false"
  })
  @DisplayName("every spelling of a path the router sends to the Lambda API, and nothing else")
  void matchesTheRoutersPaths(String path, boolean api) {
    assertThat(SigV4Guard.isApiPath(path)).isEqualTo(api);
  }
}
