#!/usr/bin/env bash
# Rolls the docker compose stack back to the image tag that ran before the last deploy (or --tag), with the
# same rolling procedure: silos one at a time behind health gates, then the clients, then the data checks.
# The schema is not rolled back: migrations only add (idempotent CREATE ... IF NOT EXISTS), so an older
# image runs on the newer schema.
#
#   deploy/rollback.sh            # back to .deploy/previous-tag
#   deploy/rollback.sh --dry-run  # print the plan only
set -euo pipefail
# shellcheck source=deploy/lib/rollout.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/rollout.sh"

parse_args "$@"
failed_tag=$(current_tag)
if [ -z "$tag" ]; then
  tag=$(cat "$state_dir/previous-tag" 2>/dev/null || true)
  if [ -z "$tag" ]; then
    $dry_run || die "no previous tag recorded in $state_dir/previous-tag: pass --tag"
    tag="<previous-tag>"
  fi
fi

preflight "$tag"
step "roll back from $failed_tag to $tag (no schema change: migrations only add)"
fetch_images "$tag"
roll_silos "$tag"
roll_clients "$tag"
verify
record "current tag $tag, previous $failed_tag" current-tag "$tag" previous-tag "$failed_tag"
step "done: rolled back to $tag"
