#!/usr/bin/env bash
# Times a rebuild after a one-line source change, with warm caches (the BuildKit cache and npm
# cache mount from build-images.sh), on a copy of the committed workspace so the checkout itself
# is never edited. In the copy both images must keep their tags (same sources, same tags); then,
# per app, one line of TypeScript with a side effect (so no bundler drops it) is appended to one
# source file, the app's build and its image are timed, its tag must change and the other app's
# must not. IMAGES_API_PROBE_FILE / IMAGES_FRONTEND_PROBE_FILE choose the edited files.
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"
require_engine

probe_api=${IMAGES_API_PROBE_FILE:-apps/api-container/src/server.ts}
probe_web=${IMAGES_FRONTEND_PROBE_FILE:-apps/frontend/app/layout.tsx}
copy=$(mktemp -d "${TMPDIR:-/tmp}/pakaura-rebuild.XXXXXX")
checkout=$PWD
alias_tag=$(node -p "require('./package.json').version")
declare -A tag_of

# The probe images are only measurements: on exit their tags go, and the `4.0.0` aliases the probe
# builds took point back at the checkout's images (the ones the lane and the task list look at).
cleanup() {
  local app repository tag
  for app in api frontend; do
    repository=$(cd "$checkout" && record_field "$app" repository)
    tag=$(cd "$checkout" && record_field "$app" tag)
    "$DOCKER" tag "$repository:$tag" "$repository:$alias_tag" 2>/dev/null || true
    if [ -n "${tag_of[$app]:-}" ] && [ "${tag_of[$app]}" != "$tag" ]; then
      "$DOCKER" rmi "$repository:${tag_of[$app]}" >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$copy"
}
trap cleanup EXIT

git archive --format=tar HEAD | tar -x -C "$copy"
# Hard links, not a symlink: Turbopack compiles nothing outside the workspace root.
cp -al "$PWD/node_modules" "$copy/node_modules" 2>/dev/null || cp -a "$PWD/node_modules" "$copy/node_modules"
cd "$copy"

# Same sources, same tags: in the copy both images are already present, so nothing is built
# (nor needs to be: the skip happens before the build output is looked at).
for pair in api:api-container frontend:frontend; do
  app=${pair%%:*}
  tag_of[$app]=$(cd "$checkout" && record_field "$app" tag)
  nx_image "${pair#*:}"
  [ "$(record_field "$app" tag)" = "${tag_of[$app]}" ] ||
    fail "a copy of HEAD tags $app $(record_field "$app" tag), the checkout ${tag_of[$app]}: commit your changes first"
done

for spec in "api:api-container:$probe_api:frontend:frontend" "frontend:frontend:$probe_web:api:api-container"; do
  IFS=: read -r app project file other other_project <<<"$spec"
  [ -f "$file" ] || fail "rebuild probe file $file does not exist: set IMAGES_${app^^}_PROBE_FILE"
  echo "(globalThis as Record<string, unknown>).pakauraRebuildProbe = '$(date +%s%N)';" >>"$file"

  started=$(now)
  quietly "nx run $project:build (after a one-line change to $file)" \
    npx nx run "$project:build" --output-style=static
  build_seconds=$(elapsed "$started")
  started=$(now)
  nx_image "$project"
  image_seconds=$(elapsed "$started")
  [ "$(record_field "$app" tag)" != "${tag_of[$app]}" ] ||
    fail "the $app tag did not change after a one-line change to $file"
  tag_of[$app]=$(record_field "$app" tag)
  nx_image "$other_project"
  [ "$(record_field "$other" tag)" = "${tag_of[$other]}" ] ||
    fail "the $other tag changed after a change to $app's $file only"
  figure "${app}_rebuild_build_seconds" "$build_seconds"
  figure "${app}_rebuild_image_seconds" "$image_seconds"
  echo "$app after a one-line change to $file: app build ${build_seconds} s, image ${image_seconds} s; $other tag unchanged"
done
