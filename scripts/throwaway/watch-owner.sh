#!/usr/bin/env bash
# Shared by the throwaway server scripts: waits until the owner process is gone (however it ended,
# even killed with SIGKILL) or the data directory was removed, then runs "SERVER_SCRIPT stop DATADIR".
#   watch-owner.sh SERVER_SCRIPT DATADIR OWNER_PID
# Start it with setsid, so that signals to the owner's process group do not reach it.
set -euo pipefail
script=$1 datadir=$2 owner=$3
while [ -d "$datadir" ] && kill -0 "$owner" 2>/dev/null; do sleep 1; done
if [ -d "$datadir" ]; then exec bash "$script" stop "$datadir"; fi
