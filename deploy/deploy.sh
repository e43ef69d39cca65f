#!/usr/bin/env bash
# Rolling deployment of a new image tag to the docker compose stack: migrate the schema (one-shot), replace
# the silos one at a time behind health gates, recreate the agent and the alert engine, verify that data flows.
# Nothing is taken down at once: at every moment at least as many silos as before are serving.
#
#   deploy/deploy.sh --tag 1.4.0            # roll out 1.4.0
#   deploy/deploy.sh --tag 1.4.0 --dry-run  # print the plan only
#   deploy/rollback.sh                      # back to the tag that ran before
set -euo pipefail
# shellcheck source=deploy/lib/rollout.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/rollout.sh"

parse_args "$@"
[ -n "$tag" ] || { usage >&2; die "--tag is required"; }

on_failure() {
  if $auto_rollback && ! $dry_run; then
    log "a gate failed: rolling back"
    "$repo/deploy/rollback.sh" --project-dir "$project_dir" --base-url "$base_url"
  else
    log "a gate failed: the stack may run two tags now; deploy/rollback.sh returns to $(cat "$state_dir/previous-tag" 2>/dev/null || echo the previous tag)"
  fi
}

preflight "$tag"
previous=$(current_tag)
$dry_run || [ "$previous" != "$tag" ] || log "tag $tag is already current: rolling it again"
record "previous tag $previous (what rollback.sh returns to)" previous-tag "$previous"
# From here on a failure may leave two tags running. On EXIT, not ERR: a failed gate ends in die (exit 1), which an
# ERR trap never sees; a preflight failure has changed nothing and rolls nothing back.
on_exit() { local rc=$?; [ "$rc" -eq 0 ] || on_failure; exit "$rc"; }
trap on_exit EXIT
fetch_images "$tag"
migrate "$tag"
roll_silos "$tag"
roll_clients "$tag"
verify
record "current tag $tag" current-tag "$tag"
step "done: $tag deployed (previous: $previous)"
