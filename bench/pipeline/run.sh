#!/usr/bin/env sh
# The pipeline throughput and latency run (bounded: about 45-60 s on 2 cores).
# Needs producer and enricher installed in ~/.m2; uses app/target/lambda-gateway.jar if built.
# Results: pipeline/target/pipeline-bench.md (and the test log).
set -eu
cd "$(dirname "$0")/../.."
mvn -B -q -o test -pl pipeline -Dtest=PipelineBenchmarkTest -Dgroups=bench \
  -Dpipeline.excludedGroups=none "$@"
cat pipeline/target/pipeline-bench.md
