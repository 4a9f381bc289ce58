#!/usr/bin/env bash
# CI's short coverage-guided fuzzing run: the three targets issue 9 names (the Invoke API's request
# parsing, the batch codec, the enricher), each for the maxDuration of its @FuzzTest (30 s),
# starting from the saved inputs under src/test/resources. A finding fails the run and is written
# as crash-<sha1> next to those inputs (docs/development.md, "Fuzzing"). Needs the modules built
# (README's test command or mvn package first); one target per Maven run, as Jazzer requires.
set -euo pipefail
cd "$(dirname "$0")/.."

for target in \
  transfer-contract:BatchJsonFuzzTest#requestRoundTrip \
  enricher:EnricherFuzzTest#anyBody \
  gateway:InvokeRequestFuzzTest#anyRequest; do
  echo "[fuzz] ${target#*:} (${target%%:*})" >&2
  mvn -B -q -Pfuzz -pl "${target%%:*}" -am test -Dtest="${target#*:}" \
    -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true
done
