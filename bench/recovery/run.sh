#!/usr/bin/env sh
# Pipeline recovery after kill -9: PipelineChaosTest with the issue's backlog (40,000 messages,
# 5 kills, at-least-once and exactly-once), the gateway and the pipeline run from the shaded jar.
# Figures: kill to the first new target write, per kill; rows missing and duplicated.
# About 5-10 min on 2 shared cores. Extra arguments go to Maven (e.g. -Dchaos.kills=3).
# Results: app/target/pipeline-chaos/summary.txt (and the processes' logs next to it).
set -eu
cd "$(dirname "$0")/../.."
mvn -B -q -o package -DskipTests -pl app -am
rm -f app/target/pipeline-chaos/summary.txt
mvn -B -q -o test -pl app -am -Dtest=PipelineChaosTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dchaos.messages=40000 -Dchaos.kills=5 -Dchaos.buffer-size=1MB \
  -Dlauncher.jar="$PWD/app/target/lambda-gateway.jar" "$@"
cat app/target/pipeline-chaos/summary.txt
