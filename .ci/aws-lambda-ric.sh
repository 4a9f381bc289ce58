#!/usr/bin/env bash
# Installs AWS's Node.js runtime interface client (the aws-lambda-ric npm package) once, for the
# test that hosts a Node function under it (AwsNodeRicTest). The package builds native code
# (aws-lambda-cpp and curl) when npm installs it, so the Debian build tools come first.
#
# Usage: .ci/aws-lambda-ric.sh    prints the directory that holds node_modules/aws-lambda-ric
#
# Idempotent: a cached install of the same version is reused (the build takes ~4 minutes on 2
# cores). Environment: LAMBDA_GATEWAY_CI_CACHE (default /var/cache/lambda-gateway-ci). Needs root
# for apt-get when the tools are missing.
set -euo pipefail

readonly VERSION=3.3.0
readonly CACHE_DIR="${LAMBDA_GATEWAY_CI_CACHE:-/var/cache/lambda-gateway-ci}"
readonly INSTALL_DIR="$CACHE_DIR/aws-lambda-ric-$VERSION"
readonly BUILD_TOOLS=(autoconf automake libtool cmake g++ make python3)

log() { echo "[aws-lambda-ric] $*" >&2; }

missing_tools() {
  local tool
  for tool in "${BUILD_TOOLS[@]}"; do
    dpkg -s "$tool" >/dev/null 2>&1 || echo "$tool"
  done
}

installed() {
  [ -f "$INSTALL_DIR/node_modules/aws-lambda-ric/package.json" ] \
    && grep -q "\"version\": \"$VERSION\"" "$INSTALL_DIR/node_modules/aws-lambda-ric/package.json"
}

if ! installed; then
  mapfile -t missing < <(missing_tools)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing build tools: ${missing[*]}"
    apt-get install -y -q "${missing[@]}" >&2 || { apt-get update -q >&2 && apt-get install -y -q "${missing[@]}" >&2; }
  fi
  log "npm install aws-lambda-ric@$VERSION (builds native code; a few minutes)"
  rm -rf "$INSTALL_DIR.partial"
  mkdir -p "$INSTALL_DIR.partial"
  (cd "$INSTALL_DIR.partial" \
    && npm init -y >/dev/null \
    && npm install --no-audit --no-fund --loglevel=error "aws-lambda-ric@$VERSION" >&2)
  rm -rf "$INSTALL_DIR"
  mv "$INSTALL_DIR.partial" "$INSTALL_DIR"
fi
echo "$INSTALL_DIR"
