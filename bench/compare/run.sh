#!/usr/bin/env bash
# Before/after check of a change, in one run: the enricher's CPU rate (RowsPerCpuSecond) and the
# gateway over HTTP (bench/gateway/run.sh) for two builds of this repository, interleaved
# old, new, old, new so that drifting machine load hits both alike.
#
#   bench/compare/run.sh OLD_REV [ROUNDS]      e.g. bench/compare/run.sh 1fd4b54
#
# Builds OLD_REV in a temporary git worktree and this checkout as it is (bench profile and the
# launcher jar; Maven offline). Loopback only, bounded: about 6 minutes per round with the
# defaults (ROUNDS=2). Set GATEWAY=0 to compare the enricher only.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OLD_REV="${1:?usage: bench/compare/run.sh OLD_REV [ROUNDS]}"
ROUNDS="${2:-2}"
GATEWAY="${GATEWAY:-1}"
OLD_TREE="$(mktemp -d)/old"

cleanup() { git -C "$ROOT" worktree remove --force "$OLD_TREE" >/dev/null 2>&1 || true; }
trap cleanup EXIT

git -C "$ROOT" worktree add --detach "$OLD_TREE" "$OLD_REV" >/dev/null
build() { (cd "$1" && mvn -B -q -o -Pbench package -DskipTests >/dev/null); }
build "$OLD_TREE"
build "$ROOT"

# The launcher moved from gateway/ to app/ in the module restructure; take whichever exists.
launcher() { ls "$1"/app/target/lambda-gateway.jar "$1"/gateway/target/lambda-gateway.jar 2>/dev/null | head -1; }

enricher_round() {
  java -cp "$1/bench/target/benchmarks.jar" io.lambdagateway.bench.RowsPerCpuSecond 6 3 |
    awk '/median/ {print}' | sed "s|^|  $2 enricher |"
}

gateway_round() {
  JAR="$(launcher "$1")" DURATION="${DURATION:-8}" WARMUP="${WARMUP:-5}" \
    "$ROOT/bench/gateway/run.sh" | sed "s|^|  $2 gateway |"
}

echo "compare $OLD_REV (old) with the working tree (new): $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round"
  enricher_round "$OLD_TREE" old
  enricher_round "$ROOT" new
  if [[ "$GATEWAY" == 1 ]]; then
    gateway_round "$OLD_TREE" old
    gateway_round "$ROOT" new
  fi
done
