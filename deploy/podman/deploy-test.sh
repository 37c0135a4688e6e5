#!/usr/bin/env bash
# The container deployment test (./kommune20 deploy-test, and ./kommune20 test runs it): docker-compose.yml under
# podman with images made here (images.sh) and compose.override.yml, the hub on PostgreSQL and RabbitMQ in
# containers with Heidelberg's node, then tests/Containers.Tests through the gateway container. Removes the
# containers, their volumes and the network afterwards (K20_DEPLOY_KEEP=true leaves them running to look at).
#   deploy/podman/deploy-test.sh images <work dir>                            the images only
#   deploy/podman/deploy-test.sh run <work dir> <results dir> [dotnet test arguments]   with the images made
#   deploy/podman/deploy-test.sh all <work dir> <results dir> [dotnet test arguments]
# ./kommune20 test makes the images while the other test projects run, and runs the rest after them.
# Expects the solution built in Release. Needs podman, podman-compose, runc, netavark, aardvark-dns and iptables.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PHASE="$1"
WORK="$2"
RESULTS="${3:-}"
shift $(($# < 3 ? $# : 3))
PROJECT_NAME=k20deploy
SUBNET=172.28.20.0/24 # docker-compose.yml's (podman-compose 1.0 does not create a network's ipam)
STARTED=(postgres rabbitmq registry federation library meetings projects notifications portal gateway heidelberg prometheus)
PORTS=(8080 8081 5201 15672 9090) # what docker-compose.yml publishes for them
READY_TIMEOUT=300

log() { printf '    %s\n' "$*"; }
fail() { printf 'deploy-test: %s\n' "$*" >&2; exit 1; }

mkdir -p "$WORK"
# Debian's podman as root without a systemd: runc, cgroupfs, no default ulimits (the sandbox refuses raising them).
cat >"$WORK/containers.conf" <<'CONF'
[containers]
default_ulimits = []
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
[network]
network_backend = "netavark"
CONF
export CONTAINERS_CONF="$WORK/containers.conf"

compose() {
  podman-compose -p "$PROJECT_NAME" -f "$ROOT/docker-compose.yml" -f "$HERE/compose.override.yml" "$@" >>"$WORK/compose.log" 2>&1
}

# By podman itself: podman-compose 1.0's `down -v` leaves the named volumes, and with them the previous run's
# PostgreSQL passwords and client secrets, which this run's fresh ones then do not match.
tear_down() {
  podman ps -aq --filter "label=io.podman.compose.project=$PROJECT_NAME" | xargs -r podman rm -f -v -t 5 >/dev/null 2>&1 || true
  podman volume ls --format '{{.Name}}' | grep "^${PROJECT_NAME}_" | xargs -r podman volume rm -f >/dev/null 2>&1 || true
  podman network rm -f "${PROJECT_NAME}_default" >/dev/null 2>&1 || true
}

show_logs() {
  local service
  for service in "${STARTED[@]}"; do
    echo "--- $service (last lines)" >&2
    podman logs --tail 15 "${PROJECT_NAME}_${service}_1" 2>&1 | cut -c1-300 >&2 || true
  done
}

wait_until() { # seconds description command...
  local seconds="$1" what="$2" deadline=$((SECONDS + $1))
  shift 2
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { show_logs; fail "$what: not within $seconds s"; }
    sleep 2
  done
}

make_images() {
  local projects=(gateway/Kommune20.Gateway.csproj)
  mapfile -t -O 1 projects < <(jq -r '.services[], .cityNodes | "\(.folder)/\(.assembly).csproj"' "$ROOT/deploy/topology.json")
  "$HERE/images.sh" "$WORK/images" "${projects[@]}" | sed 's/^/    /'
}

case "$PHASE" in
  images) make_images; exit 0 ;;
  all) make_images ;;
  run) ;;
  *) fail "unknown phase $PHASE (images, run or all)" ;;
esac
[[ -n "$RESULTS" ]] || fail "no results directory given"
mkdir -p "$RESULTS"

# What a previous run left (its volumes hold secrets of that run) goes first.
tear_down
for port in "${PORTS[@]}"; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && fail "port $port is in use (./kommune20 down?); docker-compose.yml publishes it"
done

# Fresh secrets each run, handed to compose the way an operator's .env would.
secret() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }
export K20_DEMO=true
for name in RABBITMQ_PASSWORD POSTGRES_PASSWORD HUB_FEDERATION_SECRET HUB_LIBRARY_SECRET HUB_MEETINGS_SECRET \
  HUB_PROJECTS_SECRET HUB_NOTIFICATIONS_SECRET DAPR_APP_API_TOKEN HEIDELBERG_SECRET; do
  export "$name=$(secret)"
done

podman network create --subnet "$SUBNET" "${PROJECT_NAME}_default" >/dev/null
[[ "${K20_DEPLOY_KEEP:-false}" == true ]] || trap tear_down EXIT

log "PostgreSQL and RabbitMQ"
compose up -d --no-build postgres rabbitmq
wait_until 120 "PostgreSQL ready" podman exec "${PROJECT_NAME}_postgres_1" pg_isready -U kommune20 -d kommune20
wait_until 120 "RabbitMQ ready" podman exec "${PROJECT_NAME}_rabbitmq_1" rabbitmq-diagnostics -q check_port_connectivity

# Readiness at each container's own address on the network (this machine is on it): the gateway's readiness does not
# wait for the services behind it.
ready() { # service
  local address
  address="$(podman inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "${PROJECT_NAME}_$1_1")" &&
    curl -fsS --max-time 3 "http://$address:8080/health/ready"
}

log "hub and Heidelberg's node"
compose up -d --no-build "${STARTED[@]}"
deadline=$((SECONDS + READY_TIMEOUT))
for service in "${STARTED[@]:2:9}"; do
  wait_until $((deadline - SECONDS)) "$service ready" ready "$service"
done
podman cp "${PROJECT_NAME}_registry_1:/data/demo-credentials.json" "$WORK/demo-credentials.json"

log "smoke journey (tests/Containers.Tests)"
K20_DEPLOY_GATEWAY=http://127.0.0.1:8080/ K20_DEPLOY_PROMETHEUS=http://127.0.0.1:9090/ K20_DEPLOY_CREDENTIALS="$WORK/demo-credentials.json" \
  K20_DEPLOY_CONTAINER_PREFIX="${PROJECT_NAME}_" \
  dotnet test "$ROOT/tests/Containers.Tests/Kommune20.Containers.Tests.csproj" -c Release --no-build \
  --logger "trx;LogFileName=Kommune20.Containers.Tests.trx" --results-directory "$RESULTS" "$@" </dev/null ||
  { show_logs; exit 1; }
