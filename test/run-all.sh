#!/usr/bin/env bash
# Every test, from a fresh clone: install what is missing (node modules; Debian's chromium when
# none is on the PATH), run the unit tests (vitest), build the page, run the browser tests
# (Playwright driving Debian's chromium). Prints each runner's summary; exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing node modules (npm ci)"
  npm ci --no-audit --no-fund || exit 1
fi

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's chromium (apt-get)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
    || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends chromium >/dev/null; } \
    || { echo "could not install chromium"; exit 1; }
fi

# A CJK font, so Chinese text renders (and is extractable) in screenshots and printed PDFs.
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null | head -1)" ]; then
  echo "== installing a Chinese font (fonts-wqy-microhei)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends fonts-wqy-microhei >/dev/null 2>&1 || echo "(no Chinese font installed; Chinese text will show as boxes)"
fi

status=0
echo "== unit tests (vitest)"
npx vitest run || status=1

echo "== build"
npx vite build --logLevel warn || exit 1

echo "== browser tests (playwright, $(${CHROMIUM_PATH:-chromium} --version 2>/dev/null | head -1))"
npx playwright test -c test/browser/playwright.config.ts || status=1

exit $status
