#!/usr/bin/env bash
# pre-commit hook (language: script): runs `migration-architect gate` from the single-folder build of
# the clone pre-commit made of this repository, so it needs no published package. The first run
# builds that bundle inside the clone (pnpm install + pnpm bundle, about a minute, needs the npm
# registry); later runs reuse it. Arguments are passed to `gate` (for example --fail-on breaking).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bundle="$here/dist/migration-architect.mjs"
if ! command -v node >/dev/null 2>&1; then
  echo "migration-architect gate: needs Node.js 20.19 or later on PATH" >&2
  exit 69
fi
if [ ! -f "$bundle" ]; then
  echo "migration-architect gate: building the CLI in $here (first run only)" >&2
  (
    cd "$here"
    npx -y pnpm@10.34.9 install --frozen-lockfile --reporter=silent
    npx -y pnpm@10.34.9 run bundle
  ) >&2
fi
exec node "$bundle" gate "$@"
