#!/usr/bin/env bash
# Prints the image figures for docs/BENCHMARKS.md ("## Images") as a markdown table, from the
# engine (image sizes; the layers each Dockerfile adds on top of the slimmed base, from
# `docker history`), the default base's published size the lane states, and the timings the other
# lane scripts wrote to $IMAGES_LOG_DIR/figures.env; writes it to $IMAGES_LOG_DIR/figures.md too.
# Fails when the layers a Dockerfile adds grow past the lane's budget (IMAGES_ADDED_BUDGET_MB_*).
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"
require_engine

# value KEY: the last value the lane recorded for KEY, or "?" when that step did not run.
value() {
  local found
  found=$(grep -E "^$1=" "$IMAGES_LOG_DIR/figures.env" 2>/dev/null | tail -n 1 | cut -d= -f2-)
  echo "${found:-?}"
}

# row LABEL FIGURE TARGET: one table row with FIGURE's api and frontend values, in seconds.
row() {
  echo "| $1 | $(value "api_$2") s | $(value "frontend_$2") s | $3 |"
}

mb() {
  awk -v bytes="$1" 'BEGIN { printf "%.1f MB", bytes / 1000000 }'
}

# The runtime stage starts `FROM scratch` with the slimmed Node base copied in as its first layer;
# every layer above it is one the Dockerfile adds.
size_of() { "$DOCKER" image inspect --format '{{.Size}}' "$1"; }
base_layer_bytes() {
  "$DOCKER" history --human=false --format '{{.Size}}' "$1" | tail -n 1
}

base=${PAKAURA_NODE_IMAGE:?PAKAURA_NODE_IMAGE is not set}
base_size=$(size_of "$base")
: "${IMAGES_DEFAULT_BASE:?}" "${IMAGES_DEFAULT_BASE_BYTES:?}" "${IMAGES_DEFAULT_BASE_COMPRESSED_BYTES:?}"
: "${IMAGES_DEFAULT_BASE_DROPPED_BYTES:?}"
declare -A size added slim estimate budget limit
budget=([api]=${IMAGES_ADDED_BUDGET_MB_API:?} [frontend]=${IMAGES_ADDED_BUDGET_MB_FRONTEND:?})
limit=([api]=250 [frontend]=150)
over_budget=()
for app in api frontend; do
  ref="$(record_field "$app" repository):$(record_field "$app" tag)"
  size[$app]=$(size_of "$ref")
  slim[$app]=$(base_layer_bytes "$ref")
  added[$app]=$((size[$app] - slim[$app]))
  estimate[$app]=$((IMAGES_DEFAULT_BASE_BYTES - IMAGES_DEFAULT_BASE_DROPPED_BYTES + added[$app]))
  if [ "${added[$app]}" -gt $((budget[$app] * 1000000)) ]; then
    over_budget+=("$app: $(mb "${added[$app]}") added, budget ${budget[$app]} MB")
  fi
  figure "${app}_size_bytes" "${size[$app]}"
  figure "${app}_added_bytes" "${added[$app]}"
  figure "${app}_estimate_bytes" "${estimate[$app]}"
done

# verdict BYTES LIMIT_MB: how a size compares with a task list limit.
verdict() {
  awk -v bytes="$1" -v limit="$2" 'BEGIN {
    d = (bytes - limit * 1000000) / 1000000
    if (d < 0) printf "under by %.1f MB", -d; else printf "OVER by %.1f MB", d }'
}

{
  echo "| figure | api (pakaura-api) | frontend (pakaura-frontend) | target |"
  echo "|---|---|---|---|"
  echo "| image size on the local base ($base, $(mb "$base_size")) | $(mb "${size[api]}") | $(mb "${size[frontend]}") | – |"
  echo "| of which the slimmed base (its first layer) | $(mb "${slim[api]}") | $(mb "${slim[frontend]}") | – |"
  echo "| layers the Dockerfile adds on top of it | $(mb "${added[api]}") | $(mb "${added[frontend]}") | budget ${budget[api]} MB / ${budget[frontend]} MB |"
  echo "| **estimate on the default base** ($IMAGES_DEFAULT_BASE) | **$(mb "${estimate[api]}")** | **$(mb "${estimate[frontend]}")** | T010 < ${limit[api]} MB / T011 < ${limit[frontend]} MB |"
  echo "| the estimate against the task list's limit | $(verdict "${estimate[api]}" "${limit[api]}") | $(verdict "${estimate[frontend]}" "${limit[frontend]}") | – |"
  echo "| the local-base size against the limit | $(verdict "${size[api]}" "${limit[api]}") | $(verdict "${size[frontend]}" "${limit[frontend]}") | – |"
  row "image build, $(value build_kind)" cold_seconds –
  row "one-line change: app build (Nx, cache miss)" rebuild_build_seconds –
  row "one-line change: image rebuild (warm cache)" rebuild_image_seconds "< 60 s"
  row "\`image\` executor, tag already present" skip_seconds "< 1 s"
  row "same, whole \`nx run <app>:image\` (Nx start-up included)" skip_nx_seconds –
  row "container healthy after start (health interval 2 s)" healthy_seconds –
  echo
  echo "Estimate on the default base: its published size, $(mb "$IMAGES_DEFAULT_BASE_BYTES") uncompressed ($(mb "$IMAGES_DEFAULT_BASE_COMPRESSED_BYTES") compressed), less the $(mb "$IMAGES_DEFAULT_BASE_DROPPED_BYTES") the node stage drops from it (npm, yarn, corepack, C headers), plus the layers above. Sources in .ci/lanes/50-images.sh."
  echo "Both images share their base layer: $(value base_layer_shared)."
  echo "Machine load (1/5/15 min) at the lane's start $(value load_start), end $(value load_end), on $(nproc) cores."
  echo "Base image assembled in $(value base_seconds) s (debootstrap + node + npm + CA bundle; skipped when present). Apps built by Nx in $(value apps_build_seconds) s before the image builds."
} | tee "$IMAGES_LOG_DIR/figures.md"

if [ ${#over_budget[@]} -gt 0 ]; then
  fail "the layers a Dockerfile adds grew past the budget in .ci/lanes/50-images.sh: ${over_budget[*]}. See what grew with \`docker history <image>\`; raise the budget there only with the reason."
fi
