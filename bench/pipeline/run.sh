#!/usr/bin/env sh
# The pipeline throughput and latency run (bounded: about 45-60 s on 2 cores).
# Builds the modules it needs (-am); uses app/target/lambda-gateway.jar if built.
# Results: pipeline/target/pipeline-bench.md (and the test log).
set -eu
cd "$(dirname "$0")/../.."
mvn -B -q -o test -pl pipeline -am -Dtest=PipelineBenchmarkTest -Dgroups=bench \
  -Dpipeline.excludedGroups=none "$@"
cat pipeline/target/pipeline-bench.md
