/**
 * Opt-in SigV4 verification of the Lambda API, as AWS authenticates it: {@link
 * io.lambdagateway.gateway.http.auth.SigV4Guard} (in front of the router: which requests, when the
 * body is read, the replay to the routes), {@code SigV4Verifier} (the rules and the signature
 * computed with the AWS SDK for Java v2's signer, no Vert.x) and {@link
 * io.lambdagateway.gateway.http.auth.AccessKeys} (the configured key/secret pairs, never printed).
 * Function URLs keep their bearer token ({@code http.url}); {@code /health} and {@code /metrics}
 * stay open.
 *
 * <p>May depend on: {@code gateway.http} (body reading, service errors, replies), {@code
 * gateway.platform} (request ids) and the configuration. Not on {@code http.api} or {@code
 * http.url}.
 */
package io.lambdagateway.gateway.http.auth;
