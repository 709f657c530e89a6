#!/usr/bin/env bash
# Shared by run.sh and test.sh: install what is missing, and run a private PostgreSQL cluster under
# .data/ that only these scripts start and stop. Never touches another cluster or process.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${MESSAGING_DATA_DIR:-$ROOT/.data}"
PG_PORT="${MESSAGING_PG_PORT:-55432}"
PG_USER="messaging"
PG_STARTED_HERE=0

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else die "need root to run: $* (install it, or run this script as root)"; fi
}

# ensure_packages PKG...: installs the Debian packages that are not installed yet.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

ensure_toolchain() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is required (https://dotnet.microsoft.com); dotnet is not on PATH"
  command -v npm >/dev/null 2>&1 || ensure_packages nodejs npm
  ensure_packages postgresql
}

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
  echo "$dir"
}

# The cluster runs as the invoking user, or as the 'postgres' OS user when invoked as root
# (PostgreSQL refuses to run as root). That user must be able to reach the data folder.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_dir() {
  local dir="$DATA_DIR/pg"
  mkdir -p "$DATA_DIR"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$DATA_DIR" 2>/dev/null; then
    mkdir -p "$DATA_DIR"
    # The checkout's parents are closed to other users: keep the cluster in a folder postgres can reach.
    local key; key="$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)"
    dir="/var/tmp/messaging-pg-$key"
  fi
  echo "$dir"
}

pg_password() { cat "$DATA_DIR/pg.password"; }

pg_running() {
  local dir; dir="$(pg_dir)"
  [ -f "$dir/postmaster.pid" ] && pg_as_owner "$(pg_bin)/pg_ctl" -D "$dir" status >/dev/null 2>&1
}

# Starts the private cluster if it is not running; remembers whether this script started it.
pg_start() {
  local bin dir sock
  bin="$(pg_bin)"; dir="$(pg_dir)"
  mkdir -p "$DATA_DIR"
  if [ ! -f "$DATA_DIR/pg.password" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$DATA_DIR/pg.password")
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    log "creating a private PostgreSQL cluster in $dir"
    mkdir -p "$dir"
    local pwfile; pwfile="$(mktemp)"; cp "$DATA_DIR/pg.password" "$pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir" "$pwfile"; fi
    chmod 700 "$dir"
    pg_as_owner "$bin/initdb" -D "$dir" -U "$PG_USER" --pwfile="$pwfile" --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  if pg_running; then
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT"
    return
  fi
  # A socket path must fit in 107 bytes; past that, TCP on 127.0.0.1 only.
  sock="$dir"; [ ${#sock} -lt 90 ] || sock=""
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  pg_as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$sock' -c max_connections=200 -c fsync=${MESSAGING_PG_FSYNC:-on}" \
    start >/dev/null || { tail -n 20 "$dir/server.log" >&2 || true; die "PostgreSQL did not start (is port $PG_PORT taken? set MESSAGING_PG_PORT)"; }
  PG_STARTED_HERE=1
}

# Stops the cluster only if this script started it.
pg_stop_if_started() {
  if [ "$PG_STARTED_HERE" = 1 ]; then
    log "stopping the PostgreSQL cluster this script started"
    pg_as_owner "$(pg_bin)/pg_ctl" -D "$(pg_dir)" -m fast -w stop >/dev/null 2>&1 || true
    PG_STARTED_HERE=0
  fi
}

pg_connection_string() { # DATABASE
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$(pg_password);Database=$1"
}

pg_ensure_database() { # NAME
  local exists
  exists="$(PGPASSWORD="$(pg_password)" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'")"
  if [ "$exists" != "1" ]; then
    log "creating database $1"
    PGPASSWORD="$(pg_password)" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "CREATE DATABASE \"$1\"" >/dev/null
  fi
}
