#!/usr/bin/env bash
# Runs every test (core, web, browser). Installs what the tests need and is missing: Debian's Chromium
# for the browser tests (test tools cannot download browsers here), when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need /usr/bin/chromium: run this script as root once, or: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test PowRegistry.sln "$@" 2>&1 | tee "$log" || status=$?

# One closing line for whoever reads the end of the log: "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | grep -oE '[0-9]+' | paste -sd+ - | bc 2>/dev/null || echo 0)
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | grep -oE '[0-9]+' | paste -sd+ - | bc 2>/dev/null || echo 0)
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
