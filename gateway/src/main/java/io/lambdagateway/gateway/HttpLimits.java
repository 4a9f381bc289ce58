package io.lambdagateway.gateway;

import java.time.Duration;

/**
 * What connections and requests may hold, so that no client can exhaust the gateway's memory or
 * connections (see {@link Setting} for each value's flag and default).
 *
 * @param maxBodyBytesInFlight request-body bytes held in memory by all requests together
 * @param http2 whether cleartext HTTP/2 (h2c) is spoken besides HTTP/1.x
 * @param http2MaxStreams concurrent streams of one HTTP/2 connection
 * @param headerTimeout time a request's headers may take, from its first byte
 * @param minBodyRate slowest accepted body upload in bytes per second; 0 = none
 * @param bodyRateWindow the window {@code minBodyRate} is measured over
 * @param clientErrorLogLines log lines about bad requests per minute
 */
public record HttpLimits(
    long maxBodyBytesInFlight,
    boolean http2,
    int http2MaxStreams,
    Duration headerTimeout,
    long minBodyRate,
    Duration bodyRateWindow,
    int clientErrorLogLines) {}
