#!/usr/bin/env bash
# A throwaway PostgreSQL on 127.0.0.1 for tests that replay SQL on a real server.
#   throwaway-server.sh start DATADIR PORT [OWNER_PID]   → prints the connection URL on stdout
#   throwaway-server.sh stop DATADIR
# stop removes DATADIR, and its parent folder when that is left empty. With OWNER_PID, a detached
# watcher stops the server once that process is gone, however it ended (even killed with SIGKILL),
# so an interrupted test run leaves no server behind.
# Installs the server from Debian's packages when no binaries are found (needs root), and runs it
# as the postgres user when started as root, since PostgreSQL refuses to run as root.
set -euo pipefail

find_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "${1:-}" in
  start)
    datadir=$2 port=$3
    bindir=$(find_bindir || true)
    if [ -z "$bindir" ]; then
      if [ "$(id -u)" != 0 ]; then echo "no PostgreSQL server binaries found; install the 'postgresql' package" >&2; exit 1; fi
      echo "installing PostgreSQL from Debian's packages..." >&2
      bash "$(dirname "$0")/../apt/apt-install.sh" postgresql >&2
      bindir=$(find_bindir)
    fi
    # PostGIS for the real-schema corpus (the database-schema-histories corpus): installed like the server.
    version=$(basename "$(dirname "$bindir")")
    if [ ! -f "/usr/share/postgresql/$version/extension/postgis.control" ] && [ "$(id -u)" = 0 ]; then
      echo "installing PostGIS from Debian's packages..." >&2
      bash "$(dirname "$0")/../apt/apt-install.sh" "postgresql-$version-postgis-3" >&2 || echo "PostGIS could not be installed; the corpus pairs that need it will fail" >&2
    fi
    mkdir -p "$datadir"
    if [ "$(id -u)" = 0 ]; then
      # The postgres user must reach the data directory through its parent (mktemp makes it 0700).
      chmod 755 "$(dirname "$datadir")"
      chown postgres:postgres "$datadir"
    fi
    as_owner "'$bindir/initdb' -D '$datadir' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
    as_owner "'$bindir/pg_ctl' -D '$datadir' -l '$datadir/server.log' -w -t 60 -o \"-p $port -k '$datadir' -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null"
    if [ -n "${4:-}" ]; then
      # In its own session, so that signals to the owner's process group do not reach it.
      setsid bash "$(dirname "$0")/../throwaway/watch-owner.sh" "$0" "$datadir" "$4" </dev/null >/dev/null 2>&1 &
    fi
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    datadir=$2
    bindir=$(find_bindir)
    if [ -f "$datadir/postmaster.pid" ]; then
      as_owner "'$bindir/pg_ctl' -D '$datadir' -m immediate stop >/dev/null" || true
    fi
    rm -rf "$datadir"
    rmdir "$(dirname "$datadir")" 2>/dev/null || true
    ;;
  *)
    echo "usage: $0 start DATADIR PORT [OWNER_PID] | stop DATADIR" >&2
    exit 64
    ;;
esac
