#!/usr/bin/env bash
# Runs the grid benchmarks that need real services (ingest backfill against the seed's sync and a raw
# COPY, freshness, memory) with a throwaway PostgreSQL 15 and Redis started like deploy/test.sh does.
#
#   deploy/bench.sh                # defaults (30 days of 15 symbols)
#   deploy/bench.sh --days 7       # extra arguments go to the benchmark program's `grid` command
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
summary_fail() { echo "benchmark services could not be started" >&2; exit 1; }

# shellcheck source=deploy/services.sh
. "$repo/deploy/services.sh"

dotnet run -c Release --project "$repo/tests/TradingAlerts.Benchmarks" -- grid --postgres "$TA_TEST_POSTGRES" "$@"
