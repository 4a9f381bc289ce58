#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium and its WebDriver for the dashboard's real-browser
# test (DashboardBrowserTest). Idempotent: nothing is fetched when both packages are present.
# Needs root for apt-get when they are missing.
#
# Usage: .ci/browser.sh
set -euo pipefail

readonly PACKAGES=(chromium chromium-driver)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "[browser] installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v chromium >/dev/null && command -v chromedriver >/dev/null
