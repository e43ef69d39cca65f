#!/usr/bin/env bash
# Prints one line, "line coverage: 71.3 % (N of M lines)", from the cobertura files under the folder given
# (one per test project that ran). A source line counts once however many projects measured it, and is
# covered when any of them ran it; generated code and the test projects are excluded by tests/coverage.runsettings.
#
#   deploy/lib/coverage.sh RESULTS_DIR
set -uo pipefail

results=${1:?usage: coverage.sh RESULTS_DIR}
files=$(find "$results" -name 'coverage.cobertura.xml' 2>/dev/null)
if [ -z "$files" ]; then
  echo "line coverage: not measured (no coverage.cobertura.xml under $results)"
  exit 0
fi

# Coverlet writes one element a line: <source>ROOT</source>, then <class ... filename="F" ...> (F relative to the
# root) and its <line number="N" hits="H" .../>. Lines of files under obj/ are generated (a [LoggerMessage] static
# constructor spans the class's file and the generated one, so the runsettings cannot drop it) and are skipped.
# shellcheck disable=SC2086 # the file list is newline-separated paths without spaces (dotnet's GUID folders)
awk '
  FNR == 1 { root = ""; roots = 0 }
  /<source>/ { roots++; root = $0; sub(/.*<source>/, "", root); sub(/<\/source>.*/, "", root) }
  /<class / {
    file = ""
    if (match($0, /filename="[^"]*"/)) file = (roots == 1 ? root : "") substr($0, RSTART + 10, RLENGTH - 11)
    if (file ~ /(^|\/)obj\//) file = ""
  }
  /<line / {
    if (file == "" || !match($0, /number="[0-9]+"/)) next
    key = file ":" substr($0, RSTART + 8, RLENGTH - 9)
    seen[key] = 1
    if (match($0, /hits="[0-9]+"/) && substr($0, RSTART + 6, RLENGTH - 7) + 0 > 0) covered[key] = 1
  }
  END {
    total = 0; hit = 0
    for (k in seen) { total++; if (k in covered) hit++ }
    if (total == 0) { print "line coverage: not measured (no lines in the cobertura files)"; exit }
    printf "line coverage: %.1f %% (%d of %d lines)\n", 100 * hit / total, hit, total
  }' $files
