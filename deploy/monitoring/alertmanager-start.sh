#!/bin/sh
# Entry point of the Alertmanager container (docker-compose.yml, profile monitoring): writes the webhook URL from
# ALERTMANAGER_WEBHOOK_URL into the config template, then runs the given command (Alertmanager) on the result.
# Alertmanager reads no environment variables itself, and the URL is a secret that stays out of the repository.
#
#   alertmanager-start.sh TEMPLATE OUTPUT COMMAND [ARGS...]
set -eu
fail() { printf 'alertmanager-start: %s\n' "$*" >&2; exit 1; }

[ $# -ge 3 ] || fail "usage: alertmanager-start.sh TEMPLATE OUTPUT COMMAND [ARGS...]"
template=$1 output=$2
shift 2
# shellcheck disable=SC2016 # the placeholder is literal text of the template
placeholder='${ALERTMANAGER_WEBHOOK_URL}'

url=${ALERTMANAGER_WEBHOOK_URL:-}
[ -n "$url" ] || fail "set ALERTMANAGER_WEBHOOK_URL to the webhook that receives the alerts (see .env.example)"
case "$url" in
  http://?*|https://?*) ;;
  *) fail "ALERTMANAGER_WEBHOOK_URL must be an http:// or https:// URL" ;;
esac
# The URL lands in a single-quoted YAML string: a quote or white space would end or break it.
case "$url" in
  *"'"*|*[[:space:]]*) fail "ALERTMANAGER_WEBHOOK_URL must not contain quotes or white space (percent-encode them: ' is %27)" ;;
esac

config=$(cat "$template") || fail "cannot read $template"
case "$config" in
  *"$placeholder"*) ;;
  *) fail "$template has no $placeholder to replace" ;;
esac
# Parameter expansion, not sed: the URL's & | \ characters stay as they are.
before=${config%%"$placeholder"*}
after=${config#*"$placeholder"}
case "$after" in
  *"$placeholder"*) fail "$template names $placeholder more than once" ;;
esac
umask 077
printf '%s%s%s\n' "$before" "$url" "$after" >"$output"
exec "$@"
