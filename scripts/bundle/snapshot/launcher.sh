#!/bin/sh
# migration-architect: the single-folder CLI's launcher (docs/start-up.md, "Fifth round").
# It runs the CLI from a start-up snapshot blob built for this exact Node when one is there, and
# otherwise the ES-module bundle beside it, which gives the same output: a missing, foreign or
# damaged blob only means the slower start. Without a blob for this Node it builds one in the
# background into the per-user cache, for the next runs. MIGRATION_ARCHITECT_SNAPSHOT=off runs the
# bundle only; =use uses a blob but never builds one.
self=$0
while [ -h "$self" ]; do
  link=$(readlink "$self")
  case $link in
    /*) self=$link ;;
    *) self=${self%/*}/$link ;;
  esac
done
case $self in
  */*) dir=${self%/*} ;;
  *) dir=. ;;
esac
dir=$(cd -P "$dir" && pwd -P) || exit 1
entry=$dir/migration-architect.mjs
mode=${MIGRATION_ARCHITECT_SNAPSHOT:-on}
if [ "$mode" != off ]; then
  # A blob belongs to one Node binary: its name starts with that Node's version and machine.
  key=$(node --version 2>/dev/null)-$(uname -m 2>/dev/null)
  case $key in
    v*-?*) ;;
    *) mode=off ;;
  esac
fi
if [ "$mode" != off ]; then
  # The per-user cache, as the database plugin's PGlite cache finds it; none without a home.
  if [ -n "${MIGRATION_ARCHITECT_CACHE_DIR:-}" ]; then
    cache=$MIGRATION_ARCHITECT_CACHE_DIR/snapshot
  elif [ -n "${XDG_CACHE_HOME:-}" ]; then
    cache=$XDG_CACHE_HOME/migration-architect/snapshot
  elif [ -n "${HOME:-}" ]; then
    cache=$HOME/.cache/migration-architect/snapshot
  else
    cache=$dir/snapshot
    mode=use
  fi
  for blob in "$dir/snapshot/$key"-*.blob "$cache/$key"-*.blob; do
    [ -f "$blob" ] || continue
    # Its name ends with its size in bytes: a truncated or replaced blob would crash Node.
    size=${blob##*-}
    size=${size%.blob}
    [ "$(wc -c <"$blob" 2>/dev/null)" -eq "$size" ] 2>/dev/null && exec node --snapshot-blob "$blob" "$entry" "$@"
  done
  # One build at a time (mkdir is atomic); a build killed before it removed its lock blocks
  # others for 10 minutes only.
  [ -d "$cache/.$key.lock" ] && find "$cache/.$key.lock" -prune -mmin +10 -exec rmdir {} \; 2>/dev/null
  if [ "$mode" = on ] && [ ! -e "$cache/$key.failed" ] && mkdir -p "$cache" 2>/dev/null && mkdir "$cache/.$key.lock" 2>/dev/null; then
    node "$dir/snapshot/build.cjs" --into "$cache" --key "$key" --lock "$cache/.$key.lock" </dev/null >/dev/null 2>&1 &
  fi
fi
exec node "$entry" "$@"
