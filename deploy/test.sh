#!/usr/bin/env bash
# Runs every test suite against a real PostgreSQL 15 and a real Redis that this script installs
# (apt-get, when missing) and starts on loopback on free ports, then stops them even when tests fail.
# Ends with one line: "N passed, N failed, N skipped", summed over all test projects.
#
#   deploy/test.sh                 # everything
#   deploy/test.sh --filter X      # extra arguments go to `dotnet test`
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d -t tradingalerts-test.XXXXXX)
pg_bin=/usr/lib/postgresql/15/bin
run_as=()

log() { printf '[test.sh] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root (or sudo) to run: $*"; return 1; fi
}

install_missing() {
  local packages=()
  [ -x "$pg_bin/initdb" ] || packages+=(postgresql-15)
  command -v redis-server >/dev/null || packages+=(redis-server)
  [ ${#packages[@]} -eq 0 ] && return 0
  log "installing ${packages[*]} with apt-get"
  as_root apt-get update -qq >/dev/null || return 1
  # policy-rc.d 101 keeps the packages from starting their own system services: we start our own.
  as_root sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  local rc=$?
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

summary_fail() { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

install_missing || { log "could not install PostgreSQL 15 / Redis"; summary_fail; }

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
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="$work/results"
log "running dotnet test"
dotnet test "$repo/TradingAlerts.sln" --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@"
test_rc=$?

# Sum the counters of every TRX file; a test project that produced none counts as a failure.
passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${p:-0} - ${f:-0} - ${e:-0} - ${t:-0} - ${a:-0}))
done
projects=$(grep -l '<IsTestProject>true</IsTestProject>' "$repo"/tests/*/*.csproj 2>/dev/null | wc -l)
if [ "$files" -lt "$projects" ]; then
  log "only $files of $projects test projects reported results"
  failed=$((failed + projects - files))
fi
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  log "dotnet test exited with $test_rc"
  failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
