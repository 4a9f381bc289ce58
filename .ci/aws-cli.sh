#!/usr/bin/env bash
# The AWS CLI that AwsCliDeployTest drives (Debian's awscli package), installed when missing.
set -euo pipefail
if ! command -v aws >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq awscli >/dev/null
fi
aws --version
