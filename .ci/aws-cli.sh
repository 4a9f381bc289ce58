#!/usr/bin/env bash
# Makes sure the AWS CLI (`aws`) is on the PATH, for AwsCliTest (the CLI's Lambda read calls and
# waiters against the gateway). Any installed CLI (v1 or v2) is kept; otherwise Debian's awscli
# package is installed.
#
# Usage: .ci/aws-cli.sh    Idempotent. Needs root for apt-get when the CLI is missing.
set -euo pipefail

if command -v aws >/dev/null 2>&1; then
  exit 0
fi
echo "[aws-cli] installing Debian's awscli" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq awscli >/dev/null
aws --version >&2
