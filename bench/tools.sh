#!/usr/bin/env bash
# Installs the tools the benchmark scripts call and a fresh Debian machine lacks: wrk (every HTTP
# benchmark) and kcat (bench/pipeline/jar-heap.sh). Node 20, npm, curl and python3 come with the
# machine. Idempotent; needs root for apt-get when a tool is missing.
#
# Usage: bench/tools.sh
set -euo pipefail

missing=()
for tool in wrk kcat; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "[bench] installing Debian's ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
