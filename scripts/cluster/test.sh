#!/usr/bin/env bash
# npm run test:cluster — brings the local cluster up (npm run cluster:up), runs the cluster tests
# and bench (bench/cluster.ts: three kill -9 failovers of the primary under load, an app instance
# killed under load with a live stream reconnecting, standby reads, tiles and filing rates), writes
# bench/results/cluster.{json,md}, and tears the cluster down again whatever happened.
# A cluster that is already up (CLUSTER_KEEP=1 leaves it up afterwards) is used as it is.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=scripts/cluster/ports.sh
source "$root/scripts/cluster/ports.sh"
started=$(date +%s)
ours=0
if [ ! -f "$CLUSTER_DIR/pids/running" ]; then
  bash "$root/scripts/cluster/up.sh"
  ours=1
fi
finish() {
  if [ "$ours" = 1 ] && [ "${CLUSTER_KEEP:-0}" != 1 ]; then bash "$root/scripts/cluster/down.sh"; fi
  echo "[cluster] test:cluster took $(($(date +%s) - started)) s"
}
trap finish EXIT
cd "$root"
node_modules/.bin/tsx --conditions=react-server bench/cluster.ts
