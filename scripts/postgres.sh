#!/usr/bin/env bash
# A real PostgreSQL server for the tests: Debian's package (installed if
# missing), a throwaway cluster on loopback with databases `bot` and
# `helpdesk`. `start` prints the server's URL; `stop` stops and removes it.
source "$(dirname "$0")/common.sh"

port="${PG_PORT:-5433}"
data="/tmp/cyber-assistant-postgres-$port"
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
# initdb and the server refuse to run as root: use the package's own user.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    if [ -z "$(pg_bin)" ]; then
      echo "Installing Debian's postgresql for the storage tests..." >&2
      apt_get="apt-get"; [ "$(id -u)" -eq 0 ] || apt_get="sudo apt-get"
      $apt_get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq postgresql >&2
    fi
    bin="$(pg_bin)"
    as_owner "$bin/pg_ctl" -D "$data" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$data" && mkdir -p "$data"
    [ "$(id -u)" -ne 0 ] || chown postgres "$data"
    as_owner "$bin/initdb" -D "$data" -A trust -U assistant --no-sync >/dev/null
    as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w start \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null
    for database in bot helpdesk; do
      as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U assistant "$database"
    done
    echo "postgresql://assistant@127.0.0.1:$port"
    ;;
  stop)
    bin="$(pg_bin)"
    [ -n "$bin" ] && as_owner "$bin/pg_ctl" -D "$data" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$data"
    ;;
esac
