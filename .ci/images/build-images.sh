#!/usr/bin/env bash
# Builds both apps through Nx (cached), then both images from nothing through the image executor
# (no BuildKit cache, no earlier images), timed; then runs the executor again to time its skip
# when the content tag is already in the engine. On an engine the lane did not start
# (IMAGES_SHARED_ENGINE=true: other people's builds and images live there) nothing is pruned or
# removed, so the first build's time is a warm one, and says so.
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"
require_engine
"$DOCKER" image inspect "$PAKAURA_NODE_IMAGE" >/dev/null 2>&1 ||
  fail "base image $PAKAURA_NODE_IMAGE is not in the Docker engine: build it with .ci/images/base-image.sh"

started=$(now)
quietly "nx run-many -t build (api-container, frontend)" \
  npx nx run-many -t build -p api-container,frontend --output-style=static
figure apps_build_seconds "$(elapsed "$started")"

# Cold means cold: no layer cache, no npm cache mount, no image from an earlier run. Only on an
# engine of the lane's own: never someone else's cache or images.
if [ "${IMAGES_SHARED_ENGINE:-false}" = true ]; then
  figure build_kind "warm (shared engine: nothing pruned)"
  echo "shared Docker engine: keeping its build cache and images; the first build is not a cold one"
else
  figure build_kind "cold (no BuildKit or npm cache)"
  quietly "docker builder prune" "$DOCKER" builder prune -af
  for repository in pakaura-api pakaura-frontend; do
    mapfile -t old < <("$DOCKER" image ls --format '{{.Repository}}:{{.Tag}}' "$repository")
    [ ${#old[@]} -eq 0 ] || quietly "docker rmi $repository" "$DOCKER" rmi -f "${old[@]}"
  done
fi

for pair in api:api-container frontend:frontend; do
  app=${pair%%:*}
  project=${pair#*:}
  started=$(now)
  nx_image "$project"
  figure "${app}_cold_seconds" "$(elapsed "$started")"
  echo "built $(record_field "$app" repository):$(record_field "$app" tag) in $(elapsed "$started") s"
done

for pair in api:api-container frontend:frontend; do
  app=${pair%%:*}
  project=${pair#*:}
  started=$(now)
  nx_image "$project"
  figure "${app}_skip_nx_seconds" "$(elapsed "$started")"
  executor_seconds=$(grep -aoE 'nothing to build \([0-9.]+ s\)' "$IMAGES_LOG_DIR/nx-image-$project.log" |
    grep -oE '[0-9.]+' || true)
  [ -n "$executor_seconds" ] ||
    fail "nx run $project:image rebuilt an image it had just built (full output: $IMAGES_LOG_DIR/nx-image-$project.log)"
  figure "${app}_skip_seconds" "$executor_seconds"
  echo "$project:image with the tag present: ${executor_seconds} s in the executor"
done
