#!/usr/bin/env bash
# Checks what the built images carry, from their filesystems and by running them (no network):
# no package manager (npm, npx, corepack, yarn) nor node's C headers, no environment file; the
# `sleep` the pods' preStop pause runs on Kubernetes 1.29, as the image's user; in the API image,
# the `curl` the task list's health check (T046) runs. Also says whether both images share their
# base layer (the slimmed Node base).
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"
require_engine

image_of() {
  echo "$(record_field "$1" repository):$(record_field "$1" tag)"
}

run_in() {
  "$DOCKER" run --rm --network none --read-only --user 10001:10001 --entrypoint "$@"
}

# Paths (relative to /) that must not be in a running image.
forbidden='^(usr/local/lib/node_modules/|usr/local/include/node/|opt/yarn-|usr/local/bin/(npm|npx|corepack|yarn|yarnpkg)$)'

for app in api frontend; do
  image=$(image_of "$app")
  container=$("$DOCKER" create --network none "$image")
  listing=$("$DOCKER" export "$container" | tar -t | sed -e 's#^\./##') || {
    "$DOCKER" rm -f "$container" >/dev/null
    fail "docker export $image failed"
  }
  "$DOCKER" rm -f "$container" >/dev/null
  carried=$(grep -E "$forbidden" <<<"$listing" | cut -d/ -f1-4 | sort -u || true)
  [ -z "$carried" ] || fail "$image carries what never runs: $(tr '\n' ' ' <<<"$carried")"
  leaked=$(grep -E '(^|/)\.env' <<<"$listing" || true)
  [ -z "$leaked" ] || fail "$image holds environment files: $(tr '\n' ' ' <<<"$leaked")"
  run_in sleep "$image" 0 >/dev/null 2>&1 ||
    fail "$image has no \`sleep\` for its user: the preStop pause on Kubernetes 1.29 would fail"
  echo "$image: no npm, npx, corepack, yarn or C headers; no .env file; \`sleep\` runs"
done

api=$(image_of api)
version=$(run_in curl "$api" --version 2>&1) ||
  fail "$api cannot run \`curl\` as its user: $version"
echo "$api: curl runs as user 10001 ($version)"

layer() { "$DOCKER" image inspect --format '{{index .RootFS.Layers 0}}' "$1"; }
if [ "$(layer "$api")" = "$(layer "$(image_of frontend)")" ]; then
  figure base_layer_shared yes
  echo "both images share their base layer: a node stores it once"
else
  figure base_layer_shared no
  echo "the images' base layers differ (different NODE_IMAGE, or a different node stage)"
fi
