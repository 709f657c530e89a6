#!/usr/bin/env bash
# Sets up what is missing, then serves the portal with demo data on http://127.0.0.1:5080.
#   ./run.sh                               default address
#   ./run.sh --urls http://127.0.0.1:PORT  another address
# Uses ConnectionStrings__Messaging when set; otherwise a private PostgreSQL under .data/.
# Ctrl-C stops the portal, and the cluster if this script started it.
set -euo pipefail
source "$(dirname "$0")/scripts/lib.sh"
cd "$ROOT"

URLS="http://127.0.0.1:5080"
while [ $# -gt 0 ]; do
  case "$1" in
    --urls) URLS="${2:?--urls needs a value}"; shift 2 ;;
    --urls=*) URLS="${1#--urls=}"; shift ;;
    *) die "unknown option $1 (use --urls http://127.0.0.1:PORT)" ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ensure_toolchain
# PDF exports: Chromium prints them, the Noto fonts cover Greek, Cyrillic, CJK and emoji. Previews: ffmpeg draws a
# video's poster frame, poppler-utils' pdftoppm a PDF's first page.
ensure_packages chromium fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji ffmpeg poppler-utils

if [ -z "${ConnectionStrings__Messaging:-}" ]; then
  pg_start
  trap pg_stop_if_started EXIT
  pg_ensure_database messaging
  export ConnectionStrings__Messaging="$(pg_connection_string messaging)"
fi

log "building"
dotnet build Messaging.Web/Messaging.Web.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# Attachments go to the checkout's .data/files (beside the private cluster) unless set otherwise.
export Messaging__Files__Root="${Messaging__Files__Root:-$DATA_DIR/files}"
# Notification emails link here; their reply addresses are signed with a key kept in .data (so they survive restarts).
export Messaging__Notifications__PublicBaseUrl="${Messaging__Notifications__PublicBaseUrl:-${URLS%%;*}}"
[ -f "$DATA_DIR/reply.secret" ] || (umask 077; head -c 32 /dev/urandom | base64 > "$DATA_DIR/reply.secret")
export Messaging__Notifications__ReplySecret="${Messaging__Notifications__ReplySecret:-$(cat "$DATA_DIR/reply.secret")}"
log "serving on $URLS (sign in as client@demo.local / Passw0rd!demo); Ctrl-C stops"
cd Messaging.Web
dotnet bin/Release/net10.0/Messaging.Web.dll --urls "$URLS" &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; pg_stop_if_started' EXIT
trap 'exit 130' INT TERM
wait $APP
