package io.lambdagateway.gateway.http.api;

import io.lambdagateway.gateway.http.ServiceError;

/** The values of {@code X-Amz-Invocation-Type}. */
public enum InvocationType {
  /** {@code RequestResponse} (also no header): run now, answer with the result. */
  SYNC,
  /** {@code Event}: queue, answer 202. */
  EVENT,
  /** {@code DryRun}: validate only, answer 204. */
  DRY_RUN;

  /** The type a header value names; InvalidParameterValueException for any other value. */
  static InvocationType of(String header) {
    if (header == null || header.equals("RequestResponse")) {
      return SYNC;
    }
    return switch (header) {
      case "Event" -> EVENT;
      case "DryRun" -> DRY_RUN;
      default -> throw ServiceError.invalidParameter("Unsupported invocation type: " + header);
    };
  }
}
