package io.lambdagateway.gateway.http.auth;

import io.lambdagateway.gateway.http.ServiceError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a SigV4 {@code Authorization} header: {@code AWS4-HMAC-SHA256
 * Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=hex}.
 *
 * @param accessKeyId the credential's access key id
 * @param date the credential scope's date, {@code yyyyMMdd}
 * @param region the credential scope's region
 * @param service the credential scope's service
 * @param signedHeaders the signed header names, lower case, in the order given
 * @param signature the signature, hex as sent
 */
record SignatureHeader(
    String accessKeyId,
    String date,
    String region,
    String service,
    List<String> signedHeaders,
    String signature) {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  SignatureHeader {
    signedHeaders = List.copyOf(signedHeaders);
  }

  /**
   * Parses a header value.
   *
   * @throws ServiceError 403 {@code IncompleteSignatureException} naming what is missing
   */
  static SignatureHeader parse(String header) {
    String value = header.strip();
    if (!value.startsWith(ALGORITHM + " ")) {
      throw ServiceError.incompleteSignature(
          "Authorization header requires the " + ALGORITHM + " algorithm.");
    }
    Map<String, String> parameters = parameters(value.substring(ALGORITHM.length()));
    List<String> missing = new ArrayList<>();
    for (String name : List.of("Credential", "SignedHeaders", "Signature")) {
      if (parameters.getOrDefault(name, "").isEmpty()) {
        missing.add("Authorization header requires '" + name + "' parameter.");
      }
    }
    if (!missing.isEmpty()) {
      throw ServiceError.incompleteSignature(String.join(" ", missing));
    }
    String[] scope = parameters.get("Credential").split("/", -1);
    if (scope.length != 5 || !scope[4].equals("aws4_request") || scope[0].isEmpty()) {
      throw ServiceError.incompleteSignature(
          "Credential must be KEY/DATE/REGION/SERVICE/aws4_request.");
    }
    return new SignatureHeader(
        scope[0],
        scope[1],
        scope[2],
        scope[3],
        List.of(parameters.get("SignedHeaders").toLowerCase(Locale.ROOT).split(";")),
        parameters.get("Signature"));
  }

  private static Map<String, String> parameters(String list) {
    Map<String, String> parameters = new HashMap<>();
    for (String part : list.split(",")) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        parameters.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
      }
    }
    return parameters;
  }
}
