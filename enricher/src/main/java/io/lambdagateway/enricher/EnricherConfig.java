package io.lambdagateway.enricher;

/**
 * Settings of the enricher.
 *
 * @param publicIp the value of the {@code ip} column, resolved once before use
 * @param skipBadRows when true, unparseable rows are skipped instead of failing their record
 */
public record EnricherConfig(String publicIp, boolean skipBadRows) {
}
