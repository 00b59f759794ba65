#!/usr/bin/env bash
# npm run cluster:down — stops exactly what `npm run cluster:up` started (the pids it recorded,
# each with its process group) and removes CLUSTER_DIR. Safe to run twice.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=scripts/cluster/ports.sh
source "$root/scripts/cluster/ports.sh"
[ -d "$CLUSTER_DIR/pids" ] || { echo "[cluster] nothing to stop in $CLUSTER_DIR"; exit 0; }

stop_group() { # name: SIGTERM to the recorded process group, SIGKILL after a grace period
  local file="$CLUSTER_DIR/pids/$1.pid" pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$file"
}
# Front to back, so nothing is left holding connections to what stops next.
stop_group nginx
for f in "$CLUSTER_DIR"/pids/app-*.pid; do [ -f "$f" ] && stop_group "$(basename "$f" .pid)"; done
stop_group worker
stop_group haproxy
stop_group patroni-pg2
stop_group patroni-pg1
stop_group raft-witness
# A postmaster Patroni left behind (it runs in a session of its own): the one in our data dirs only.
for data in "$CLUSTER_DIR"/pg/*; do
  [ -f "$data/postmaster.pid" ] || continue
  pid=$(head -1 "$data/postmaster.pid")
  if [ -n "$pid" ] && [ "$(readlink -f "/proc/$pid/cwd" 2>/dev/null)" = "$(readlink -f "$data")" ]; then
    kill -QUIT "$pid" 2>/dev/null || true
  fi
done
sleep 0.5
rm -rf "$CLUSTER_DIR"
echo "[cluster] down; $CLUSTER_DIR removed"
