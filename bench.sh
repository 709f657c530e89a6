#!/usr/bin/env bash
# The benchmark and load tool (issue 10). After ./run.sh has set up the machine:
#   ./bench.sh seed [--messages N]   recreate the benchmark database with N messages (default 1,000,000)
#   ./bench.sh run [--quick]         measure the portal; --quick uses its own 100,000-message database,
#                                    seeding it first when it is empty, and takes a few minutes
#   ./bench.sh run --only search     measure search alone and write nothing (while working on search)
#   ./bench.sh fanout [--quick] [--seconds N]   issue 18: 16 senders into one conversation, 200 open streams,
#                                    send->event latency p50/p99 (default 300 s); figures go in docs/performance.md by hand
#   ./bench.sh faults [--requests N] the long fault suite: the fuzz run over every endpoint (default 10,000 requests),
#                                    0 responses of 5xx and no logged error; figures go in docs/reliability.md
# Results go to docs/performance.md (the benchmark section) and bench/results/latest.json.
# Uses the private PostgreSQL of run.sh/test.sh (or the server in ConnectionStrings__Messaging) with
# its own databases: messaging_bench and messaging_bench_quick. Touches no other database.
set -euo pipefail
source "$(dirname "$0")/scripts/lib.sh"
cd "$ROOT"

cmd="${1:-}"; shift || true
messages=1000000; quick=0; only=""; seconds=300; requests=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --messages) messages="${2:?--messages needs a number}"; shift 2 ;;
    --quick) quick=1; shift ;;
    --only) only="${2:?--only needs a part: search}"; shift 2 ;;
    --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
    --requests) requests="${2:?--requests needs a number}"; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
case "$cmd" in seed|run|fanout|faults) ;; *) die "usage: ./bench.sh seed [--messages N] | ./bench.sh run [--quick] | ./bench.sh fanout [--quick] [--seconds N] | ./bench.sh faults [--requests N]" ;; esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ensure_toolchain
ensure_packages wrk

db=messaging_bench
[ "$quick" = 1 ] && db=messaging_bench_quick

psql_admin() {
  if [ -n "${ConnectionStrings__Messaging:-}" ]; then die "bench.sh manages its own databases; unset ConnectionStrings__Messaging"; fi
  PGPASSWORD="$(pg_password)" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qtAc "$1"
}

pg_start
trap pg_stop_if_started EXIT

if [ "$cmd" = faults ]; then
  # The fault suite's long run: the tests of Messaging.Tests/Reliability with the fuzz run at $requests requests,
  # on this cluster (the tests create and drop their own databases).
  log "fault suite: fuzz run of $requests requests"
  dotnet build Messaging.Tests/Messaging.Tests.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
  MESSAGING_TEST_PG="$(pg_connection_string postgres)" MESSAGING_FUZZ_REQUESTS="$requests" \
    dotnet test Messaging.Tests/Messaging.Tests.csproj -c Release --no-build -nologo --filter "FullyQualifiedName~Messaging.Tests.Reliability"
  exit 0
fi

log "building (Release)"
dotnet build Messaging.Web/Messaging.Web.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build bench/Messaging.Bench/Messaging.Bench.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
tool=(dotnet bench/Messaging.Bench/bin/Release/net10.0/Messaging.Bench.dll)

seed() {
  log "recreating database $db"
  psql_admin "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  psql_admin "CREATE DATABASE \"$db\""
  "${tool[@]}" seed --connection "$(pg_connection_string "$db")" --messages "$1"
}

if [ "$cmd" = seed ]; then
  seed "$messages"
  exit 0
fi

if [ "$quick" = 1 ]; then
  seeded="$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$db'")"
  if [ -z "$seeded" ]; then seed 100000; fi
elif [ -z "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
  die "no benchmark database yet: run ./bench.sh seed first (or ./bench.sh run --quick)"
fi

if [ "$cmd" = fanout ]; then
  ulimit -n 65536 2>/dev/null || true
  "${tool[@]}" fanout --connection "$(pg_connection_string "$db")" --root "$ROOT" --seconds "$seconds"
  exit 0
fi

# 10,000 event streams need as many sockets on each side.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true
[ "$(ulimit -n)" -ge 25000 ] || log "warning: only $(ulimit -n) open files allowed; 10,000 streams may fail"

args=(run --connection "$(pg_connection_string "$db")" --root "$ROOT" --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)")
[ "$quick" = 1 ] && args+=(--quick)
[ -n "$only" ] && args+=(--only "$only")
"${tool[@]}" "${args[@]}"
