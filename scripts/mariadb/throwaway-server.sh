#!/usr/bin/env bash
# A throwaway MariaDB on 127.0.0.1 for tests that compare data on a real server.
#   throwaway-server.sh start DATADIR PORT [OWNER_PID]   → prints the connection URL on stdout
#   throwaway-server.sh stop DATADIR
# Like scripts/postgres/throwaway-server.sh: stop removes DATADIR (and its parent when left empty);
# with OWNER_PID, a detached watcher stops the server once that process is gone. Installs the
# server from Debian's packages (mariadb-server) when no binaries are found (needs root), and runs
# it as the mysql user when started as root. The URL's user may create databases.
set -euo pipefail

find_server() {
  command -v mariadbd 2>/dev/null || command -v mysqld 2>/dev/null || { [ -x /usr/sbin/mariadbd ] && echo /usr/sbin/mariadbd; } || true
}

case "${1:-}" in
  start)
    datadir=$2 port=$3
    server=$(find_server)
    if [ -z "$server" ]; then
      if [ "$(id -u)" != 0 ]; then echo "no MariaDB server binaries found; install the 'mariadb-server' package" >&2; exit 1; fi
      echo "installing MariaDB from Debian's packages..." >&2
      bash "$(dirname "$0")/../apt/apt-install.sh" mariadb-server >&2
      # Debian starts the packaged service; the tests use their own server only.
      (service mariadb stop || service mysql stop || true) >/dev/null 2>&1
      server=$(find_server)
    fi
    mkdir -p "$datadir"
    user=$(id -un)
    if [ "$(id -u)" = 0 ]; then
      chmod 755 "$(dirname "$datadir")"
      chown mysql:mysql "$datadir"
      user=mysql
    fi
    mariadb-install-db --no-defaults --datadir="$datadir" --user="$user" --auth-root-authentication-method=socket --skip-test-db >"$datadir/install.log" 2>&1
    setsid "$server" --no-defaults --datadir="$datadir" --user="$user" --port="$port" --bind-address=127.0.0.1 \
      --socket="$datadir/mysqld.sock" --pid-file="$datadir/mysqld.pid" --log-error="$datadir/server.log" \
      --skip-name-resolve --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --max-connections=200 \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci </dev/null >/dev/null 2>&1 &
    server_pid=$!
    # A loaded machine can take a minute or more to start InnoDB; a server that exited (a port taken
    # meanwhile) fails at once with its log rather than after the whole wait.
    ready=no
    for _ in $(seq 1 360); do
      if mariadb-admin --no-defaults --socket="$datadir/mysqld.sock" -uroot ping >/dev/null 2>&1; then ready=yes; break; fi
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.5
    done
    if [ "$ready" != yes ]; then
      echo "the throwaway MariaDB did not start on port $port; its log ends:" >&2
      tail -n 5 "$datadir/server.log" >&2 2>/dev/null || true
      exit 1
    fi
    mariadb --no-defaults --socket="$datadir/mysqld.sock" -uroot -e \
      "CREATE USER 'ma'@'%' IDENTIFIED BY 'ma'; GRANT ALL PRIVILEGES ON *.* TO 'ma'@'%' WITH GRANT OPTION;"
    if [ -n "${4:-}" ]; then
      setsid bash "$(dirname "$0")/../throwaway/watch-owner.sh" "$0" "$datadir" "$4" </dev/null >/dev/null 2>&1 &
    fi
    echo "mysql://ma:ma@127.0.0.1:$port/mysql"
    ;;
  stop)
    datadir=$2
    if [ -f "$datadir/mysqld.pid" ]; then
      pid=$(cat "$datadir/mysqld.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf "$datadir"
    rmdir "$(dirname "$datadir")" 2>/dev/null || true
    ;;
  *)
    echo "usage: $0 start DATADIR PORT [OWNER_PID] | stop DATADIR" >&2
    exit 64
    ;;
esac
