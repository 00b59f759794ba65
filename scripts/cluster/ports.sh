# The local cluster's ports and places (sourced by up.sh, down.sh and the cluster tests). Each can
# be overridden from the environment, so two checkouts on one machine can run a cluster each.
: "${CLUSTER_DIR:=/tmp/civic-cluster}"
: "${CLUSTER_SECRET:=civic-local}"
: "${PG1_PORT:=5620}" "${PG2_PORT:=5621}"
: "${REST1_PORT:=8620}" "${REST2_PORT:=8621}"
: "${RAFT1_PORT:=5630}" "${RAFT2_PORT:=5631}" "${RAFT3_PORT:=5632}"
: "${HAPROXY_WRITE_PORT:=5600}" "${HAPROXY_READ_PORT:=5601}"
: "${APP1_PORT:=3234}" "${APP2_PORT:=3235}"
: "${NGINX_PORT:=3224}"
CLUSTER_DATABASE_URL="postgres://civic:$CLUSTER_SECRET@127.0.0.1:$HAPROXY_WRITE_PORT/civic"
CLUSTER_READ_DATABASE_URL="postgres://civic:$CLUSTER_SECRET@127.0.0.1:$HAPROXY_READ_PORT/civic"
export CLUSTER_DIR CLUSTER_SECRET PG1_PORT PG2_PORT REST1_PORT REST2_PORT RAFT1_PORT RAFT2_PORT RAFT3_PORT \
  HAPROXY_WRITE_PORT HAPROXY_READ_PORT APP1_PORT APP2_PORT NGINX_PORT CLUSTER_DATABASE_URL \
  CLUSTER_READ_DATABASE_URL
