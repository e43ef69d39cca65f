#!/usr/bin/env bash
# Sourced by deploy/lib/rollout.sh: the "chart accuracy verified" gate. For a few pairs it asks the load balancer for
# the newest bars (GET /api/indicators/{symbol}/{timeframe}, served from grain state) and compares every closed bar's
# time, open, high, low and close with the rows PostgreSQL holds for the same span; any difference fails the rollout.
# The newest bar is left out: it is still forming, and a live ingest may change it between the two reads. A mismatch
# is read again a few times before it counts, for a bar the ingest revised between the two reads.
# shellcheck disable=SC2034,SC2154 # settings for and from rollout.sh

# Pairs sampled (SYMBOL/TIMEFRAME, space-separated; the default ones are open to anonymous callers), or empty to skip.
gate_pairs=${TA_GATE_PAIRS-EURUSD/H1 USDJPY/H4 XAUUSD/D1}
gate_bars=${TA_GATE_BARS:-50}
gate_accuracy_tries=${TA_GATE_ACCURACY_TRIES:-3}
# A libpq connection string for psql; empty: psql inside the compose stack's postgres service.
gate_psql=${TA_GATE_PSQL:-}

# Runs one query, unaligned and tuples only, stopping on the first error.
psql_query() {
  if [ -n "$gate_psql" ]; then
    psql "$gate_psql" -X -At -v ON_ERROR_STOP=1 -c "$1"
  else
    "${compose_cmd[@]}" exec -T postgres psql -U tradingalerts -d tradingalerts -X -At -v ON_ERROR_STOP=1 -c "$1"
  fi
}

# Prints nothing when the served closed bars of one pair equal the stored rows, else what differs; fails when either
# side cannot be read.
compare_pair() {
  local symbol=$1 timeframe=$2 table served span stored
  table="$(tr '[:upper:]' '[:lower:]' <<<"${symbol}_${timeframe}")"
  served=$(curl -fsS --max-time 10 "$base_url/api/indicators/$symbol/$timeframe?limit=$((gate_bars + 1))") \
    || { echo "GET /api/indicators/$symbol/$timeframe failed"; return 1; }
  served=$(jq -c '[.data.ohlc[] | select(.closed) | [.time, .open, .high, .low, .close]]' <<<"$served") \
    || { echo "the answer for $symbol/$timeframe is not the indicators JSON"; return 1; }
  span=$(jq -r 'if length == 0 then empty else "\(.[0][0]) \(.[-1][0])" end' <<<"$served")
  [ -n "$span" ] || { echo "$symbol/$timeframe: no closed bar served"; return 1; }
  # The table name comes from a checked SYMBOL/TIMEFRAME, the times from numbers jq printed.
  stored=$(psql_query "SELECT coalesce(json_agg(json_build_array(extract(epoch FROM timestamp)::bigint, open, high, low, close) ORDER BY timestamp), '[]')
    FROM $table WHERE timestamp BETWEEN to_timestamp(${span% *}) AND to_timestamp(${span#* })") \
    || { echo "reading $table from PostgreSQL failed"; return 1; }
  # Compared as numbers (jq reads both sides as doubles), so formatting never counts as a difference.
  jq -nr --argjson served "$served" --argjson stored "$stored" --arg pair "$symbol/$timeframe" '
    if $served == $stored then empty else
      [range(0; [($served | length), ($stored | length)] | max) | select($served[.] != $stored[.])] as $diff
      | ($diff[0]) as $i
      | "\($pair): \($diff | length) of \($served | length) served bars differ from PostgreSQL (\($stored | length) rows in the span); first at "
        + "time \([$served[$i][0], $stored[$i][0]] | map(select(. != null)) | min): served \($served[$i] // "nothing" | tojson), stored \($stored[$i] // "nothing" | tojson)"
    end'
}

verify_accuracy() {
  local pair symbol timeframe try difference
  if [ -z "$gate_pairs" ]; then
    step "verify: chart accuracy skipped (TA_GATE_PAIRS is empty)"
    return 0
  fi
  case "$gate_bars" in ''|*[!0-9]*|0) die "TA_GATE_BARS must be a positive number of bars, got '$gate_bars'" ;; esac
  case "$gate_accuracy_tries" in ''|*[!0-9]*|0) die "TA_GATE_ACCURACY_TRIES must be a positive number, got '$gate_accuracy_tries'" ;; esac
  step "verify: chart accuracy (the last $gate_bars closed bars of $gate_pairs as served = the rows in PostgreSQL)"
  for pair in $gate_pairs; do
    [[ "$pair" =~ ^([A-Za-z0-9]+)/([A-Za-z0-9]+)$ ]] || die "TA_GATE_PAIRS: '$pair' is not SYMBOL/TIMEFRAME"
    symbol=${BASH_REMATCH[1]} timeframe=${BASH_REMATCH[2]}
    if $dry_run; then
      printf "  + curl -fsS %s/api/indicators/%s/%s?limit=%d | jq closed bars; psql: the same span of %s; equal or fail\n" \
        "$base_url" "$symbol" "$timeframe" "$((gate_bars + 1))" "$(tr '[:upper:]' '[:lower:]' <<<"${symbol}_${timeframe}")"
      continue
    fi
    for try in $(seq 1 "$gate_accuracy_tries"); do
      if difference=$(compare_pair "$symbol" "$timeframe") && [ -z "$difference" ]; then break; fi
      [ "$try" -lt "$gate_accuracy_tries" ] && sleep 5
    done
    [ -z "$difference" ] || die "chart accuracy: $difference"
    log "chart accuracy: $pair ok"
  done
}
