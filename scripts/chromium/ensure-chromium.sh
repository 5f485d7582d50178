#!/usr/bin/env bash
# Prints the path of a Chromium for the tests that open HTML reports in a real browser.
# Installs Debian's chromium package when none is found (needs root), as the PostgreSQL tests do
# for their server, so the tests never skip.
set -euo pipefail

for bin in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$bin" ]; then echo "$bin"; exit 0; fi
done
if [ "$(id -u)" != 0 ]; then
  echo "no Chromium found; install Debian's 'chromium' package" >&2
  exit 1
fi
echo "installing Chromium from Debian's packages..." >&2
bash "$(dirname "$0")/../apt/apt-install.sh" chromium >&2
echo /usr/bin/chromium
