package io.lambdagateway.pipeline;

import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import io.lambdagateway.transfer.ChangeItem;
import io.lambdagateway.transfer.ResultRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline does to one source message, in-process and without HTTP: the same Transfer
 * request record, the enricher library, the same response reading and target serializer. The Kafka
 * Streams side calls it per record; the Kafka-only copy writes what it returned beforehand.
 * Thread-safe.
 */
final class InProcessEnrichment {

  private final Enricher enricher;
  private final TransferRequests requests = new TransferRequests();

  /** The enricher as the gateway configures it from its environment: the same answers. */
  InProcessEnrichment(String publicIp) {
    this.enricher =
        Enricher.create(
            EnricherConfig.fromEnvironment(Map.of(EnricherConfig.PUBLIC_IP_VARIABLE, publicIp)));
  }

  /** The target messages the pipeline writes for {@code source}, in order. */
  List<TargetMessage> enrich(SourceRecord source) {
    byte[] request = TransferRequests.request(List.of(requests.encodeRecord(source))).joined();
    byte[] response = enricher.transform(request);
    List<String> eventIds = List.of(TransferRequests.eventId(source.offset()));
    List<TargetMessage> out = new ArrayList<>();
    try (TargetSerializer serializer = new TargetSerializer()) {
      for (ResultRecord result : TransferResponses.read(response, eventIds)) {
        for (ChangeItem item : TransferResponses.items(result)) {
          out.add(serializer.serialize(item));
        }
      }
    }
    return out;
  }
}
