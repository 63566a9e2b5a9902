#!/usr/bin/env bash
# Refreshes the screenshots in this folder: the main pages, filled with the demo data, in Korean and English at 1366x768,
# taken in Debian's Chromium by tests/PowRegistry.Web.Tests/Browser/ScreenshotTests.cs. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# Korean needs a Korean font in the browser (users' machines have one; a bare Debian has none): Noto CJK from Debian.
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
  else
    echo "Korean text needs a CJK font: sudo apt-get install fonts-noto-cjk" >&2
    exit 1
  fi
fi
POWREGISTRY_SCREENSHOTS="$root/docs/screenshots" dotnet test "$root/tests/PowRegistry.Web.Tests" --filter "FullyQualifiedName~ScreenshotTests"
ls -1 "$root/docs/screenshots"/*.png
