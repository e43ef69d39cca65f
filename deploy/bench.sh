#!/usr/bin/env bash
# Runs the grid benchmarks that need real services (ingest backfill against a raw binary COPY and a per-row
# sync, freshness, memory, storage) with a throwaway PostgreSQL 15 and Redis started like deploy/test.sh does.
#
#   deploy/bench.sh                # grid: defaults (30 days of 15 symbols)
#   deploy/bench.sh --days 7       # extra arguments go to the benchmark program's `grid` command
#   deploy/bench.sh --only storage # JSONB TOAST compression, pglz vs lz4: write rate, bytes per bar, read time
#   deploy/bench.sh http           # the API under wrk against the original design's read paths (installs wrk if missing)
#   deploy/bench.sh coldstart      # built silo processes on N days (--days, 30) of all 135 pairs: ingest memory,
#                                  # cold start (time to every pair served, resident memory), failover (kill -9)
#   deploy/bench.sh --only wakeup  # how the agent learns of writes: idle CPU and write -> grain latency, polling vs notified
#   deploy/bench.sh webhook        # the alert engine as a process POSTing to a local receiver: alerts/s from --days (3)
#                                  # of history, and bar close -> alert arrival p50/p99 over --live-seconds (60) of live bars
#   deploy/bench.sh --only stream  # a built silo: SSE delivery latency collector write -> client (1 and 1,000 streams),
#                                  # catch-up after a reconnect (versions/s from memory and from PostgreSQL)
#   deploy/bench.sh history        # 5,000 M5 bars beyond the window through the API from PostgreSQL against a raw SELECT
#                                  # over the same pool; a watchlist of 15 pairs against 15 single requests (wrk)
#   deploy/bench.sh --only cache   # a built silo on 30 days of all 135 pairs sent 5,000 distinct `limit` values:
#                                  # resident memory before/after against the response cache's budget (docs/memory.md)
#   deploy/bench.sh rolling        # zero-downtime operations under load (docs/deployment.md): 3 silo processes behind
#                                  # Debian's haproxy (deploy/haproxy.cfg), the agent on a live synthetic feed, 120 req/s
#                                  # and 6 SSE clients; graceful restarts, an upgrade to a second `dotnet publish`,
#                                  # scale out/in, a SIGKILL. Per phase: failed, wrong, latency x steady, stream holes.
#                                  # Options: --rate --streams --steady-seconds --settle-seconds --after-kill-seconds
#                                  # --logs DIR. Measured (`deploy/bench.sh rolling --logs /tmp/rolling-logs`, 2 cores):
#                                  # 55,115 requests, 0 failed, 0 wrong of 38,295 sampled bars; after SIGKILL every
#                                  # pair served again in 5.2 s; no stream lost an event, but streams stalled up to
#                                  # 3.9 s (restarts), 35.4 s (upgrade), 7.8 s (SIGKILL): docs/deployment.md
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
summary_fail() { echo "benchmark services could not be started" >&2; exit 1; }

# shellcheck source=deploy/services.sh
. "$repo/deploy/services.sh"

if [ "${1:-}" = "http" ]; then
  shift
  if ! command -v wrk >/dev/null 2>&1; then
    echo "installing wrk with apt-get" >&2
    as_root apt-get update -qq && as_root apt-get install -y -qq wrk >/dev/null || { echo "wrk could not be installed" >&2; exit 1; }
  fi
  dotnet run -c Release --project "$repo/tests/TradingAlerts.Benchmarks" -- http --postgres "$TA_TEST_POSTGRES" --redis "$TA_TEST_REDIS" "$@"
elif [ "${1:-}" = "history" ]; then
  shift
  if ! command -v wrk >/dev/null 2>&1; then
    echo "installing wrk with apt-get" >&2
    as_root apt-get update -qq && as_root apt-get install -y -qq wrk >/dev/null || { echo "wrk could not be installed" >&2; exit 1; }
  fi
  dotnet run -c Release --project "$repo/tests/TradingAlerts.Benchmarks" -- history --postgres "$TA_TEST_POSTGRES" "$@"
elif [ "${1:-}" = "webhook" ]; then
  shift
  case " $* " in *" --days "*) ;; *) set -- --days 3 "$@" ;; esac
  dotnet run -c Release --project "$repo/tests/TradingAlerts.Benchmarks" -- grid --only webhook --postgres "$TA_TEST_POSTGRES" "$@"
elif [ "${1:-}" = "rolling" ]; then
  shift
  command -v haproxy >/dev/null 2>&1 || { echo "haproxy is not installed (deploy/services.sh installs Debian's haproxy)" >&2; exit 1; }
  # The upgrade: the silo published a second time into its own folder, started from there (as a new image would be).
  dotnet build -c Release "$repo/tests/TradingAlerts.Benchmarks" -v q --nologo || exit 1
  # shellcheck disable=SC2154 # $work: deploy/services.sh's folder, removed when this script exits
  dotnet publish -c Release "$repo/src/TradingAlerts.Silo" -o "$work/silo-upgrade" -v q --nologo || exit 1
  dotnet run -c Release --no-build --project "$repo/tests/TradingAlerts.Benchmarks" -- rolling --postgres "$TA_TEST_POSTGRES" --upgrade-folder "$work/silo-upgrade" "$@"
elif [ "${1:-}" = "coldstart" ]; then
  shift
  dotnet run -c Release --project "$repo/tests/TradingAlerts.Benchmarks" -- grid --only coldstart,failover --postgres "$TA_TEST_POSTGRES" "$@"
else
  [ "${1:-}" = "grid" ] && shift
  dotnet run -c Release --project "$repo/tests/TradingAlerts.Benchmarks" -- grid --postgres "$TA_TEST_POSTGRES" "$@"
fi
