/**
 * JSON helpers every layer may use: the shared {@code ObjectMapper} and cheap streaming checks that
 * look at payload bytes without building a tree.
 *
 * <p>Depends on Jackson only; nothing else of the gateway.
 */
package io.lambdagateway.gateway.json;
