#!/usr/bin/env bash
# Sourced by deploy/deploy.sh and deploy/rollback.sh: a rolling upgrade of the docker compose stack.
# Silos are replaced one at a time (start one on the new image, wait until Docker reports it healthy,
# which is its /health/ready; then stop one old silo gracefully so its grains deactivate and move), then
# the clients (agent, alert engine) are recreated and data flow is verified through the load balancer: readiness,
# freshness, and served bars equal to PostgreSQL's rows (deploy/lib/accuracy.sh).
# With --dry-run every step and command is printed and nothing runs.
# Settings below are read by the sourcing script too.
# shellcheck disable=SC2034

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=deploy/lib/accuracy.sh
. "$repo/deploy/lib/accuracy.sh"
script=$(basename "$0" .sh)
dry_run=false
tag=""
project_dir=$repo
base_url=${TA_BASE_URL:-http://localhost:${LB_PORT:-8080}}
sqlite_health_url=${SQLITE_HEALTH_URL:-}
planned_silos=${SILO_REPLICAS:-2}
gate_timeout=${TA_GATE_TIMEOUT:-300}
# Pairs that must be fresh in /api/indicators/health before a deploy passes: "all" (default) or a number.
gate_fresh=${TA_GATE_FRESH:-all}
stop_timeout=45
auto_rollback=false
build=false
step_no=0
compose_cmd=()

log() { printf "[%s] %s\n" "$script" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

step() {
  step_no=$((step_no + 1))
  printf "[%s] step %d: %s\n" "$script" "$step_no" "$*"
}

# Runs a command, or prints it in a dry run.
run() {
  printf "  + %s\n" "$*"
  $dry_run || "$@"
}

usage() {
  cat <<USAGE
usage: $script.sh [--tag TAG] [--dry-run] [--build] [--project-dir DIR] [--base-url URL] [--silos N] [--auto-rollback]
  --tag TAG          image tag to roll to (deploy: required; rollback: default the previous tag)
  --dry-run          print the planned steps and commands, run nothing
  --build            build the images locally instead of pulling them
  --project-dir DIR  folder of docker-compose.yml (default: the repository)
  --base-url URL     the load balancer (default: http://localhost:\${LB_PORT:-8080})
  --silos N          silos assumed by a dry run (a real run counts the running ones)
  --auto-rollback    deploy only: run rollback.sh when a gate fails
Environment: SQLITE_HEALTH_URL (a silo that tails collector files, checked when set), TA_GATE_TIMEOUT (s, 300),
  TA_GATE_FRESH (pairs that must be fresh: all, or a number; default all), TA_GATE_PAIRS (pairs whose served bars
  must equal PostgreSQL's rows; default "EURUSD/H1 USDJPY/H4 XAUUSD/D1", empty to skip), TA_GATE_BARS (50),
  TA_GATE_ACCURACY_TRIES (3), TA_GATE_PSQL (a libpq connection string; default psql in the postgres service).
USAGE
}

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --tag) tag=${2:?--tag needs a value}; shift 2 ;;
      --dry-run) dry_run=true; shift ;;
      --build) build=true; shift ;;
      --project-dir) project_dir=${2:?--project-dir needs a value}; shift 2 ;;
      --base-url) base_url=${2:?--base-url needs a value}; shift 2 ;;
      --silos) planned_silos=${2:?--silos needs a value}; shift 2 ;;
      --auto-rollback) auto_rollback=true; shift ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument: $1" ;;
    esac
  done
  state_dir=${TA_STATE_DIR:-$project_dir/.deploy}
}

# docker compose (v2 plugin) or docker-compose (v1); a dry run names the plugin when neither is there.
detect_compose() {
  if docker compose version >/dev/null 2>&1; then
    compose_cmd=(docker compose)
  elif command -v docker-compose >/dev/null 2>&1; then
    compose_cmd=(docker-compose)
  elif $dry_run; then
    compose_cmd=(docker compose)
  else
    die "neither 'docker compose' nor 'docker-compose' is installed"
  fi
  compose_cmd+=(--project-directory "$project_dir" -f "$project_dir/docker-compose.yml")
}

preflight() {
  step "preflight: compose file, tools, target tag $1"
  detect_compose
  [ -f "$project_dir/docker-compose.yml" ] || die "no docker-compose.yml in $project_dir"
  if ! $dry_run; then
    for tool in docker curl jq $([ -z "$gate_psql" ] || echo psql); do
      command -v "$tool" >/dev/null || die "$tool is required"
    done
    "${compose_cmd[@]}" config -q || die "docker-compose.yml does not validate"
  fi
}

# compose with the image tag of the release being rolled out.
tagged() { run env TA_IMAGE_TAG="$1" "${compose_cmd[@]}" "${@:2}"; }

fetch_images() {
  if $build; then
    step "build images for tag $1"
    tagged "$1" build schema silo agent alert-engine
  else
    step "pull images for tag $1"
    tagged "$1" pull schema silo agent alert-engine
  fi
}

migrate() {
  step "migrate the schema (one-shot, idempotent, under an advisory lock): schema --postgres"
  tagged "$1" run --rm schema
}

silo_ids() { "${compose_cmd[@]}" ps -q silo | sort; }

# Waits until Docker's health check (the silo's /health/ready) reports the container healthy.
wait_container_healthy() {
  local id=$1 deadline=$((SECONDS + gate_timeout)) status
  if $dry_run; then printf "  + wait until %s is healthy (docker inspect .State.Health.Status; /health/ready), at most %ss\n" "$id" "$gate_timeout"; return 0; fi
  while [ $SECONDS -lt $deadline ]; do
    status=$(docker inspect -f '{{.State.Health.Status}}' "$id" 2>/dev/null || echo missing)
    case "$status" in
      healthy) log "$id is healthy"; return 0 ;;
      unhealthy|missing) die "silo container $id is $status" ;;
    esac
    sleep 2
  done
  die "silo container $id not healthy within ${gate_timeout}s"
}

# Replaces every running silo, one at a time, by one on the given tag.
roll_silos() {
  local target=$1 old=() count i new_id known
  if $dry_run; then
    for i in $(seq 1 "$planned_silos"); do old+=("<old-silo-$i>"); done
  else
    mapfile -t old < <(silo_ids)
    [ ${#old[@]} -gt 0 ] || die "no silo is running: start the stack first (docker compose up -d)"
  fi
  count=${#old[@]}
  for i in $(seq 1 "$count"); do
    step "silo $i/$count: start one silo on $target beside the $count running"
    known=$(if $dry_run; then :; else silo_ids; fi)
    tagged "$target" up -d --no-deps --no-recreate --scale "silo=$((count + 1))" silo
    if $dry_run; then new_id="<new-silo-$i>"; else
      new_id=$(comm -13 <(echo "$known") <(silo_ids) | head -1)
      [ -n "$new_id" ] || die "no new silo container appeared"
    fi
    step "silo $i/$count: health gate: $new_id ready (/health/ready)"
    wait_container_healthy "$new_id"
    step "silo $i/$count: stop old silo ${old[$((i - 1))]} gracefully (grains deactivate, it leaves the cluster), then remove it"
    run docker stop --time "$stop_timeout" "${old[$((i - 1))]}"
    run docker rm "${old[$((i - 1))]}"
  done
}

roll_clients() {
  step "recreate the ingest agent and the alert engine on $1 (the agent resumes from the SymbolGrains' cursors)"
  tagged "$1" up -d --no-deps agent alert-engine
}

# GETs a URL until the jq filter holds on its body (and the status is 200).
wait_http() {
  local url=$1 filter=$2 what=$3 deadline=$((SECONDS + gate_timeout)) body
  if $dry_run; then printf "  + until curl -fsS %s | jq -e '%s' (%s), at most %ss\n" "$url" "$filter" "$what" "$gate_timeout"; return 0; fi
  while [ $SECONDS -lt $deadline ]; do
    if body=$(curl -fsS --max-time 10 "$url" 2>/dev/null) && jq -e "$filter" >/dev/null 2>&1 <<<"$body"; then
      log "$what: ok"; return 0
    fi
    sleep 3
  done
  die "$what: $url did not satisfy $filter within ${gate_timeout}s"
}

# The jq filter of the freshness gate: every pair the silo reports, or at least TA_GATE_FRESH of them, fresh or with
# its market closed (a closed market sends no data; the accuracy gate still compares served bars with PostgreSQL).
fresh_filter() {
  case "$gate_fresh" in
    all) printf '%s' '.summary.total > 0 and .summary.fresh + (.summary.closed // 0) == .summary.total' ;;
    ''|*[!0-9]*) die "TA_GATE_FRESH must be 'all' or a number of pairs, got '$gate_fresh'" ;;
    *) printf '.summary.fresh + (.summary.closed // 0) >= %d' "$gate_fresh" ;;
  esac
}

verify() {
  local fresh
  fresh=$(fresh_filter)
  step "verify: the load balancer answers ready"
  wait_http "$base_url/health/ready" '.status == "Healthy" or .status == "Degraded"' "readiness through the load balancer"
  step "verify: data flowing ($gate_fresh pairs fresh or closed in /api/indicators/health)"
  wait_http "$base_url/api/indicators/health" "$fresh" "indicator freshness"
  verify_accuracy
  if [ -n "$sqlite_health_url" ]; then
    step "verify: collector files ingested recently ($sqlite_health_url)"
    wait_http "$sqlite_health_url" '.status == "healthy"' "collector freshness"
  else
    step "verify: collector freshness skipped (the agent runs in its own process; set SQLITE_HEALTH_URL for a silo that tails the files)"
  fi
}

current_tag() { cat "$state_dir/current-tag" 2>/dev/null || echo "${TA_IMAGE_TAG:-dev}"; }

record() {
  step "record: $1"
  if $dry_run; then printf "  + write %s\n" "$1"; return 0; fi
  mkdir -p "$state_dir"
  shift
  while [ $# -gt 0 ]; do printf "%s\n" "$2" >"$state_dir/$1"; shift 2; done
}
