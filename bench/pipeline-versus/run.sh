#!/usr/bin/env bash
# The pipeline side by side with a Kafka-only copy (same target messages) and a Kafka Streams
# application (same enrichment, in-process), one run on one broker (the jar's, in its own JVM):
# throughput on a backlog (after warm-up drains, 3 interleaved rounds of the copy and the pipeline
# at both flush intervals, each side's median run reported, then Kafka Streams once; CPU seconds
# of the bench JVM, the gateway and the broker per side), then p50/p99 end-to-end latency at
# 1k msg/s with flush 0 and 1 s (5 s measured, after at least 20 s of the same traffic and until
# the JIT compilers of the three JVMs have gone quiet, at most 120 s).
# About 5 to 6 minutes of test time (a 40,000-message backlog). The pipeline calls the gateway jar,
# launched with the documented launch's flags.
#
#   mvn -B -q -o -pl app -am package -DskipTests      # app/target/lambda-gateway.jar
#   bench/pipeline-versus/run.sh    # -Dbench.messages=N -Dbench.rounds=N -Dbench.latencyRate=N -Dbench.latencyWarmUp=S
#
# Results: bench/target/pipeline-versus.md (and the test log).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=../memory/jvm-flags.sh
. bench/memory/jvm-flags.sh
[[ -f app/target/lambda-gateway.jar ]] || { echo "missing app/target/lambda-gateway.jar: mvn -pl app -am package first" >&2; exit 1; }
echo "pipeline versus: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -q -o -Pbench test -pl bench -am -Dtest=PipelineVersusTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.excludedGroups=none "-Dbench.gatewayJvmFlags=$LAUNCH_JVM_FLAGS" "$@"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
cat bench/target/pipeline-versus.md
