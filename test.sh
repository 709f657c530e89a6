#!/usr/bin/env bash
# Runs every test: unit and integration (real PostgreSQL) in Messaging.Tests, browser tests (Debian
# Chromium) in Messaging.E2E. Installs what is missing first. Ends with one line
#   Tests: N passed, M failed, K skipped
# and exits non-zero if anything failed.
set -euo pipefail
source "$(dirname "$0")/scripts/lib.sh"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ensure_toolchain
# Chromium prints PDF exports (and runs the browser tests); the Noto fonts cover Latin, Greek, Cyrillic, CJK and
# emoji in them; poppler-utils' pdftotext reads the PDFs back in the export tests; python3-aiosmtpd is the real
# SMTP server the notification tests start (scripts/smtp_sink.py).
# dovecot-imapd is the real IMAP server the email-channel tests start privately (never the system service).
# ffmpeg and pdftoppm draw the previews of videos and PDFs.
ensure_packages chromium fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji poppler-utils python3-aiosmtpd dovecot-imapd ffmpeg

if [ -z "${MESSAGING_TEST_PG:-}" ]; then
  if [ -n "${ConnectionStrings__Messaging:-}" ]; then
    # Another server: the tests create and drop their own databases on it (needs CREATEDB).
    export MESSAGING_TEST_PG="$ConnectionStrings__Messaging"
  else
    pg_start
    trap pg_stop_if_started EXIT
    export MESSAGING_TEST_PG="$(pg_connection_string postgres)"
  fi
fi

OUT="$ROOT/test-output"
rm -rf "$OUT"; mkdir -p "$OUT"
export MESSAGING_TEST_OUTPUT="$OUT"

summary() { echo "Tests: $1 passed, $2 failed, $3 skipped"; }

log "building"
if ! dotnet build Messaging.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  summary 0 1 0
  exit 1
fi

status=0
format_failed=0
log "checking formatting (dotnet format --verify-no-changes)"
if ! dotnet format Messaging.sln --verify-no-changes --no-restore; then
  log "formatting differs: run 'dotnet format Messaging.sln'"
  format_failed=1
fi

for project in Messaging.Tests Messaging.E2E; do
  log "testing $project"
  dotnet test "$project/$project.csproj" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$project.trx" --logger "console;verbosity=normal" \
    --results-directory "$OUT" || status=1
done

passed=0; failed=0; skipped=0; found=0
for trx in "$OUT"/*.trx; do
  [ -f "$trx" ] || continue
  found=1
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
# Name every failed test with the first line of its message, so a CI log shows what failed without the trx files.
for trx in "$OUT"/*.trx; do
  [ -f "$trx" ] || continue
  python3 - "$trx" <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") not in ("Passed", "NotExecuted"):
        message = (r.findtext(".//t:Message", "", ns) or "").strip().splitlines()
        print(f"FAILED {r.get('testName')}: {message[0] if message else r.get('outcome')}")
PY
done
if [ "$found" = 0 ] || [ "$passed" = 0 ]; then status=1; failed=$((failed > 0 ? failed : 1)); fi
failed=$((failed + format_failed))
[ "$failed" = 0 ] || status=1

summary "$passed" "$failed" "$skipped"
exit $status
