package io.lambdagateway.bench;

import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse + enrich + serialize of one Transfer batch, single thread. Besides batches/s, JMH reports
 * the auxiliary counters {@code rows}, {@code records} and {@code requestBytes} per second
 * (requestBytes/s divided by 10^6 is MB/s of request JSON).
 *
 * <p>{@code batch=10-records}: a 10-record batch; {@code batch=1MB}: about 1 MB of request JSON, as
 * Transfer's example {@code buffer_size} cuts it. Messages hold 1–100 rows, seed 42. {@code
 * output=compact|full}: the answer's form ({@code ENRICHER_OUTPUT}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class EnricherBenchmark {

  private static final long SEED = 42;

  @Param({"10-records", "1MB"})
  public String batch;

  /** The answer's form: {@code compact} (the default) or {@code full}. */
  @Param({"compact", "full"})
  public String output;

  private Enricher enricher;
  private DemoBatches.Batch request;

  @Setup
  public void prepare() {
    enricher =
        Enricher.create(
            new EnricherConfig("203.0.113.7", false, EnricherConfig.parseOutput(output)));
    DemoBatches batches = new DemoBatches(SEED);
    request = "1MB".equals(batch) ? batches.ofSize(1_000_000) : batches.ofRecords(10);
  }

  /** Counted once per transformed batch; JMH turns the totals into per-second rates. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Throughput {
    public long rows;
    public long records;
    public long requestBytes;

    @Setup(Level.Iteration)
    public void reset() {
      rows = 0;
      records = 0;
      requestBytes = 0;
    }
  }

  @Benchmark
  public byte[] transform(Throughput throughput) {
    byte[] response = enricher.transform(request.json());
    throughput.rows += request.rows();
    throughput.records += request.records();
    throughput.requestBytes += request.json().length;
    return response;
  }
}
