#!/usr/bin/env bash
# Sourced by deploy/test.sh and deploy/bench.sh: installs PostgreSQL 15, redis-server and chromium (for the
# end-to-end tests) with apt-get when they are missing, starts a throwaway PostgreSQL cluster and a Redis on
# loopback on free ports, exports TA_TEST_POSTGRES and TA_TEST_REDIS, and stops both (removing their files)
# when the calling script exits.
# The caller defines summary_fail (what to print and do when the services cannot be had).
work=$(mktemp -d -t tradingalerts-test.XXXXXX)
pg_bin=/usr/lib/postgresql/15/bin
run_as=()

log() { printf "[%s] %s\n" "$(basename "$0")" "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root (or sudo) to run: $*"; return 1; fi
}

install_missing() {
  local packages=()
  [ -x "$pg_bin/initdb" ] || packages+=(postgresql-15)
  command -v redis-server >/dev/null || packages+=(redis-server)
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  # python3 takes the foreign file lock of the collector fault tests (tests/TradingAlerts.IntegrationTests/Infrastructure/ForeignLock.cs).
  command -v python3 >/dev/null || packages+=(python3)
  # docker-compose (v1, no engine needed) validates docker-compose.yml, haproxy -c its load balancer config,
  # shellcheck deploy/*.sh, promtool deploy/monitoring.
  local tools=()
  command -v docker-compose >/dev/null || tools+=(docker-compose)
  command -v haproxy >/dev/null || tools+=(haproxy)
  command -v shellcheck >/dev/null || tools+=(shellcheck)
  # promtool (Debian's prometheus package) checks the monitoring profile's scrape config and alert rules and runs
  # their unit tests (deploy/monitoring/alerts.test.yml).
  command -v promtool >/dev/null || tools+=(prometheus)
  # amtool (prometheus-alertmanager, 11 MB) checks the Alertmanager config and its routes.
  command -v amtool >/dev/null || tools+=(prometheus-alertmanager)
  [ ${#packages[@]} -eq 0 ] && [ ${#tools[@]} -eq 0 ] && return 0
  log "installing ${packages[*]} ${tools[*]} with apt-get"
  as_root apt-get update -qq >/dev/null || return 1
  # policy-rc.d 101 keeps the packages from starting their own system services: we start our own.
  as_root sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  local rc=0
  if [ ${#packages[@]} -gt 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null || rc=$?
  fi
  # Without recommends: docker-compose would otherwise bring a Docker engine that nothing here runs.
  if [ ${#tools[@]} -gt 0 ] && [ $rc -eq 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${tools[@]}" >/dev/null || rc=$?
  fi
  as_root rm -f /usr/sbin/policy-rc.d
  return $rc
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

stop_services() {
  if [ -f "$work/pg/postmaster.pid" ]; then
    "${run_as[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -f "$work/redis.pid" ]; then kill "$(cat "$work/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop_services EXIT

install_missing || { log "could not install PostgreSQL 15 / Redis / Chromium / python3 / docker-compose / haproxy / shellcheck / prometheus (promtool) / prometheus-alertmanager (amtool)"; summary_fail; }

# initdb refuses to run as root: the server runs as the postgres system user the package created.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$work" postgres
  chown postgres "$work"
  chmod 755 "$work"
  run_as=(runuser -u postgres --)
fi

pg_port=$(free_port) && redis_port=$(free_port) || { log "no free port"; summary_fail; }

log "starting PostgreSQL 15 on 127.0.0.1:$pg_port"
"${run_as[@]}" "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --no-locale >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; summary_fail; }
# Throwaway cluster: durability settings off for speed; enough connections for parallel test classes.
"${run_as[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 60 start -o \
  "-c listen_addresses=127.0.0.1 -p $pg_port -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  >/dev/null || { cat "$work/pg.log" >&2; summary_fail; }

log "starting Redis on 127.0.0.1:$redis_port"
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
  --pidfile "$work/redis.pid" --dir "$work" --logfile "$work/redis.log" || summary_fail
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

export TA_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export TA_TEST_REDIS="127.0.0.1:$redis_port"
