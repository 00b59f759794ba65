#!/usr/bin/env bash
# npm run cluster:up — the production shape on one machine, as ordinary processes (no containers):
# Patroni (built-in Raft) with two PostgreSQL 15 + PostGIS servers, HAProxy routing to the current
# primary (and to the standby for reads), two app instances, the outbox worker and nginx in front.
# Installs what is missing with apt (idempotent, like .ci/run). Everything lives in CLUSTER_DIR and
# every process started is recorded in CLUSTER_DIR/pids, which `npm run cluster:down` stops.
# Needs root (apt, and Patroni runs as the postgres user). Uses the settings in deploy/.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=scripts/cluster/ports.sh
source "$root/scripts/cluster/ports.sh"
started=$(date +%s)
log() { echo "[cluster $(($(date +%s) - started))s] $*"; }

need=()
command -v nginx >/dev/null 2>&1 || need+=(nginx)
command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
command -v patroni >/dev/null 2>&1 || need+=(patroni)
/usr/bin/python3 -c 'import pysyncobj' 2>/dev/null || need+=(python3-pysyncobj)
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # policy-rc.d in containers keeps the packages' default services from starting; where they do
  # start, they use their own ports and are none of this script's business.
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -f "$CLUSTER_DIR/pids/running" ]; then
  echo "a cluster is already up in $CLUSTER_DIR (npm run cluster:down first)" >&2
  exit 1
fi
mkdir -p "$CLUSTER_DIR"/{pids,logs,run,raft,nginx/cache,nginx/tmp,app/uploads,app/outbox,app/open-data}
touch "$CLUSTER_DIR/pids/running"
chown -R postgres:postgres "$CLUSTER_DIR/run" "$CLUSTER_DIR/raft"
chmod 755 "$CLUSTER_DIR"
# Anything below fails: stop what was started so far.
# The newest log's tail goes to the terminal first (down.sh removes CLUSTER_DIR).
failed() {
  local newest
  newest=$(ls -t "$CLUSTER_DIR"/logs/*.log 2>/dev/null | head -1)
  [ -n "$newest" ] && { echo "--- $newest"; tail -n 40 "$newest"; } >&2
  log "failed; tearing down"
  bash "$root/scripts/cluster/down.sh"
}
trap failed ERR

# Starts a command in the background, as `user`, logging to logs/<name>.log; its pid goes to pids/.
spawn() {
  local name=$1 user=$2
  shift 2
  if [ "$user" = root ]; then
    setsid "$@" >"$CLUSTER_DIR/logs/$name.log" 2>&1 </dev/null &
  else
    setsid runuser -u "$user" -- "$@" >"$CLUSTER_DIR/logs/$name.log" 2>&1 </dev/null &
  fi
  echo $! >"$CLUSTER_DIR/pids/$name.pid"
}

# --- PostgreSQL under Patroni -------------------------------------------------------------------
write_patroni() {
  local name=$1 pg=$2 rest=$3 raft=$4 partners=$5
  local data="$CLUSTER_DIR/pg/$name"
  mkdir -p "$CLUSTER_DIR/pg"
  chown postgres:postgres "$CLUSTER_DIR/pg"
  cat >"$CLUSTER_DIR/$name.yml" <<YAML
scope: civic-local
name: $name
log: { level: INFO }
restapi: { listen: 127.0.0.1:$rest, connect_address: 127.0.0.1:$rest }
raft:
  data_dir: $CLUSTER_DIR/raft/$name
  self_addr: 127.0.0.1:$raft
  partner_addrs: [$partners]
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 1
    retry_timeout: 4
    master_start_timeout: 0
    synchronous_mode: true
    synchronous_mode_strict: false
    maximum_lag_on_failover: 1048576
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_wal_senders: 10
        max_replication_slots: 10
        hot_standby_feedback: "on"
        synchronous_commit: remote_apply
        max_connections: 100
        shared_buffers: 128MB
        max_standby_streaming_delay: 30s
        fsync: "on"
  initdb: [{ encoding: UTF8 }, { locale: C.UTF-8 }, data-checksums]
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
postgresql:
  listen: 127.0.0.1:$pg
  connect_address: 127.0.0.1:$pg
  data_dir: $data
  bin_dir: /usr/lib/postgresql/15/bin
  pgpass: $CLUSTER_DIR/run/pgpass-$name
  authentication:
    superuser: { username: postgres, password: "$CLUSTER_SECRET" }
    replication: { username: replicator, password: "$CLUSTER_SECRET" }
    rewind: { username: rewinder, password: "$CLUSTER_SECRET" }
  parameters: { unix_socket_directories: "$CLUSTER_DIR/run" }
YAML
  chown postgres:postgres "$CLUSTER_DIR/$name.yml"
}
write_patroni pg1 "$PG1_PORT" "$REST1_PORT" "$RAFT1_PORT" "\"127.0.0.1:$RAFT2_PORT\", \"127.0.0.1:$RAFT3_PORT\""
write_patroni pg2 "$PG2_PORT" "$REST2_PORT" "$RAFT2_PORT" "\"127.0.0.1:$RAFT1_PORT\", \"127.0.0.1:$RAFT3_PORT\""
# The third Raft voter, holding no data: with it, either database node may be lost entirely and the
# other still wins an election (two voters alone would need both).
cat >"$CLUSTER_DIR/witness.yml" <<YAML
raft:
  data_dir: $CLUSTER_DIR/raft/witness
  self_addr: 127.0.0.1:$RAFT3_PORT
  partner_addrs: ["127.0.0.1:$RAFT1_PORT", "127.0.0.1:$RAFT2_PORT"]
YAML
chown postgres:postgres "$CLUSTER_DIR/witness.yml"
log "starting the Raft witness (:$RAFT3_PORT)"
spawn raft-witness postgres patroni_raft_controller "$CLUSTER_DIR/witness.yml"

log "starting Patroni pg1 (PostgreSQL on $PG1_PORT)"
spawn patroni-pg1 postgres patroni "$CLUSTER_DIR/pg1.yml"
wait_http() { # url expected-status seconds
  for _ in $(seq 1 "$3"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = "$2" ] && return 0
    sleep 1
  done
  echo "timed out waiting for $1" >&2
  return 1
}
wait_http "http://127.0.0.1:$REST1_PORT/primary" 200 90
log "pg1 leads; starting Patroni pg2 (PostgreSQL on $PG2_PORT)"
spawn patroni-pg2 postgres patroni "$CLUSTER_DIR/pg2.yml"
wait_http "http://127.0.0.1:$REST2_PORT/replica" 200 120
for _ in $(seq 1 60); do
  curl -s "http://127.0.0.1:$REST1_PORT/cluster" | grep -q '"sync_standby"' && break
  sleep 1
done
log "pg2 streams as the synchronous standby"

# The app's role and database with PostGIS (Patroni's post_bootstrap does this in production).
psql_leader() { runuser -u postgres -- psql -h "$CLUSTER_DIR/run" -p "$PG1_PORT" -q -v ON_ERROR_STOP=1 "$@"; }
psql_leader -d postgres -c "CREATE ROLE civic LOGIN SUPERUSER PASSWORD '$CLUSTER_SECRET'"
psql_leader -d postgres -c "CREATE DATABASE civic OWNER civic"
psql_leader -d civic -c "CREATE EXTENSION IF NOT EXISTS postgis"

# --- HAProxy: the current primary on HAPROXY_WRITE_PORT, the standby (lag-bounded) on _READ_PORT -
cat >"$CLUSTER_DIR/haproxy.cfg" <<CFG
global
    maxconn 500
    pidfile $CLUSTER_DIR/run/haproxy.pid
defaults
    mode tcp
    timeout connect 2s
    timeout client 30m
    timeout server 30m
    timeout check 1s
listen civic_primary
    bind 127.0.0.1:$HAPROXY_WRITE_PORT
    option httpchk OPTIONS /primary
    http-check expect status 200
    default-server inter 500ms fall 2 rise 1 on-marked-down shutdown-sessions
    server pg1 127.0.0.1:$PG1_PORT check port $REST1_PORT
    server pg2 127.0.0.1:$PG2_PORT check port $REST2_PORT
listen civic_standby
    bind 127.0.0.1:$HAPROXY_READ_PORT
    option httpchk OPTIONS /replica?lag=16MB
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2 on-marked-down shutdown-sessions
    server pg1 127.0.0.1:$PG1_PORT check port $REST1_PORT
    server pg2 127.0.0.1:$PG2_PORT check port $REST2_PORT
    server pg1-primary 127.0.0.1:$PG1_PORT track civic_primary/pg1 backup
    server pg2-primary 127.0.0.1:$PG2_PORT track civic_primary/pg2 backup
CFG
log "starting HAProxy (primary :$HAPROXY_WRITE_PORT, standby :$HAPROXY_READ_PORT)"
spawn haproxy root haproxy -db -f "$CLUSTER_DIR/haproxy.cfg"
for _ in $(seq 1 20); do pg_isready -q -h 127.0.0.1 -p "$HAPROXY_WRITE_PORT" && break; sleep 0.5; done

# --- the app: migrate and seed once, then two instances and the worker ----------------------------
cat >"$CLUSTER_DIR/app.env" <<ENV
DATABASE_URL=$CLUSTER_DATABASE_URL
READ_DATABASE_URL=$CLUSTER_READ_DATABASE_URL
NEXTAUTH_SECRET=cluster-local-secret-$CLUSTER_SECRET
UPLOAD_DIR=$CLUSTER_DIR/app/uploads
OUTBOX_DIR=$CLUSTER_DIR/app/outbox
OPEN_DATA_DIR=$CLUSTER_DIR/app/open-data
DATA_DIR=$CLUSTER_DIR/app/pglite-unused
NODE_ENV=production
NEXT_TELEMETRY_DISABLED=1
SEED_DEMO=never
PUBLIC_BASE_URL=http://127.0.0.1:$NGINX_PORT
NEXTAUTH_URL=http://127.0.0.1:$NGINX_PORT
ENV
set -a
# shellcheck disable=SC1091
source "$CLUSTER_DIR/app.env"
set +a
cd "$root"
log "migrating and seeding the demo municipality"
npm run --silent db:seed >"$CLUSTER_DIR/logs/seed.log" 2>&1
# A production build, once, before the instances start (npm start would otherwise build in each).
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib db messages public next.config.mjs -newer .next/BUILD_ID -print -quit)" ]; then
  log "building the app (next build)"
  npm run --silent build >"$CLUSTER_DIR/logs/build.log" 2>&1
fi
for port in "$APP1_PORT" "$APP2_PORT"; do
  log "starting the app on :$port"
  bash "$root/scripts/cluster/start-app.sh" "$port"
done
log "starting the outbox worker"
spawn worker root env OUTBOX_POLL_MS=1000 node_modules/.bin/tsx --conditions=react-server scripts/outbox-worker.ts
for port in "$APP1_PORT" "$APP2_PORT"; do wait_http "http://127.0.0.1:$port/api/health" 200 120; done

# --- nginx with the deployed location rules --------------------------------------------------------
cat >"$CLUSTER_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $CLUSTER_DIR/run/nginx.pid;
error_log $CLUSTER_DIR/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $CLUSTER_DIR/nginx/tmp/body;
    proxy_temp_path $CLUSTER_DIR/nginx/tmp/proxy;
    fastcgi_temp_path $CLUSTER_DIR/nginx/tmp/fastcgi;
    uwsgi_temp_path $CLUSTER_DIR/nginx/tmp/uwsgi;
    scgi_temp_path $CLUSTER_DIR/nginx/tmp/scgi;
    upstream civic_app {
        server 127.0.0.1:$APP1_PORT max_fails=1 fail_timeout=5s;
        server 127.0.0.1:$APP2_PORT max_fails=1 fail_timeout=5s;
        keepalive 32;
        keepalive_timeout 4s;
    }
    proxy_cache_path $CLUSTER_DIR/nginx/cache levels=1:2 keys_zone=civic_micro:20m max_size=256m
                     inactive=10m use_temp_path=off;
    map \$http_cookie \$civic_no_cache {
        default 0;
        "~*next-auth\.session-token" 1;
        "~*civic_rw=" 1;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        include $root/deploy/nginx/civic-map-locations.conf;
    }
}
CONF
nginx -t -q -c "$CLUSTER_DIR/nginx.conf" -g 'daemon off;'
log "starting nginx on :$NGINX_PORT"
spawn nginx root nginx -c "$CLUSTER_DIR/nginx.conf" -g 'daemon off;'
wait_http "http://127.0.0.1:$NGINX_PORT/api/health" 200 30
trap - ERR
log "up: http://127.0.0.1:$NGINX_PORT (apps :$APP1_PORT :$APP2_PORT, primary via :$HAPROXY_WRITE_PORT, reads via :$HAPROXY_READ_PORT, Patroni REST :$REST1_PORT :$REST2_PORT)"
