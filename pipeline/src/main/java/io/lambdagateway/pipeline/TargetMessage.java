package io.lambdagateway.pipeline;

/**
 * One Kafka message for the target topic.
 *
 * @param key UTF-8 {@code <schema>_<table>}
 * @param value the JSON object of the row
 */
public record TargetMessage(byte[] key, byte[] value) {}
