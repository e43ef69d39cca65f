#!/usr/bin/env bash
# Runs every test suite against a real PostgreSQL 15 and a real Redis that this script installs
# (apt-get, when missing) and starts on loopback on free ports, then stops them even when tests fail.
# Prints the line coverage of the product code ("line coverage: 71.3 % (N of M lines)", not a gate), then ends
# with one line: "N passed, N failed, N skipped", summed over all test projects.
#
#   deploy/test.sh                 # everything
#   deploy/test.sh --filter X      # extra arguments go to `dotnet test`
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
summary_fail() { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# shellcheck source=deploy/services.sh
. "$repo/deploy/services.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Every market open in every silo the suites start, so freshness is judged the same on a Saturday as on a Tuesday;
# the tests of sessions (MarketSessionTests, WeeklySessionTests) set their own.
export Markets__Sessions__fx__0="Mon 00:00-Mon 00:00" Markets__Sessions__metal__0="Mon 00:00-Mon 00:00" \
  Markets__Sessions__index__0="Mon 00:00-Mon 00:00"

results="$work/results"
# Build in parallel, then run the test projects one after another: the integration, multi-process and
# browser suites each start silos and servers, and on two cores running them at once only adds contention.
log "building"
dotnet build "$repo/TradingAlerts.sln" -v q --nologo
test_rc=$?
if [ "$test_rc" -eq 0 ]; then
  log "running dotnet test"
  dotnet test "$repo/TradingAlerts.sln" --no-build -m:1 --logger "trx" --logger "console;verbosity=normal" \
    --collect "XPlat Code Coverage" --settings "$repo/tests/coverage.runsettings" --results-directory "$results" "$@"
  test_rc=$?
fi

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

shots="$repo/test-results/screenshots"
if [ -d "$shots" ] && [ -n "$(ls -A "$shots" 2>/dev/null)" ]; then
  log "dashboard screenshots from the end-to-end tests: $shots"
fi

# Reported, not enforced: the figure is for reading, and a run with --filter measures only what it ran.
"$repo/deploy/lib/coverage.sh" "$results"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
