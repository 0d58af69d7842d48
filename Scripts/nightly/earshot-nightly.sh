#!/usr/bin/env bash
# The nightly wrapper cron or systemd runs: one `earshot run` over the inbox, logs as JSON lines appended to a file,
# the exit code passed on (0 ok, 65 data problems under --strict, 74 I/O, 75 another run holds the workspace).
#
#   EARSHOT_WORKSPACE=/srv/earshot EARSHOT_INBOX=/srv/exports Scripts/nightly/earshot-nightly.sh
#
# Settings (environment): EARSHOT_WORKSPACE (required), EARSHOT_INBOX (default: the workspace's inbox/),
# EARSHOT_BIN (default: earshot on PATH), EARSHOT_LOG (default: $EARSHOT_WORKSPACE/earshot.log).
set -uo pipefail
: "${EARSHOT_WORKSPACE:?set EARSHOT_WORKSPACE to the workspace folder}"
bin="${EARSHOT_BIN:-earshot}"
log="${EARSHOT_LOG:-$EARSHOT_WORKSPACE/earshot.log}"
args=(run --workspace "$EARSHOT_WORKSPACE" --log-format json --log-level info)
if [ -n "${EARSHOT_INBOX:-}" ]; then args+=(--inbox "$EARSHOT_INBOX"); fi
umask 077
"$bin" "${args[@]}" 2>> "$log"
status=$?
if [ "$status" -eq 75 ]; then
  # Another run still holds the workspace: not an error for a nightly job; the next night catches up.
  exit 0
fi
exit "$status"
