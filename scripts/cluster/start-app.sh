#!/usr/bin/env bash
# Starts one app instance of the local cluster on PORT ($1) in a session of its own, with the
# environment up.sh wrote (CLUSTER_DIR/app.env), recording its pid for cluster:down. Used by up.sh
# and by the cluster tests to bring back an instance they killed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=scripts/cluster/ports.sh
source "$root/scripts/cluster/ports.sh"
port=$1
set -a
# shellcheck disable=SC1091
source "$CLUSTER_DIR/app.env"
set +a
cd "$root"
PORT=$port OUTBOX_POLL_MS=0 setsid node scripts/start.mjs -H 127.0.0.1 >>"$CLUSTER_DIR/logs/app-$port.log" 2>&1 </dev/null &
echo $! >"$CLUSTER_DIR/pids/app-$port.pid"
