#!/usr/bin/env bash
# Prints the image figures for docs/BENCHMARKS.md ("## Images") as a markdown table, from the
# engine (image sizes; the layers each Dockerfile adds on top of the base, from `docker history`)
# and from the timings the other lane scripts wrote to $IMAGES_LOG_DIR/figures.env. Also writes
# the table to $IMAGES_LOG_DIR/figures.md.
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

# added_bytes IMAGE BASE: the sum of the layers IMAGE has above BASE's own layers.
added_bytes() {
  local image_layers base_layers
  image_layers=$("$DOCKER" history --human=false --format '{{.Size}}' "$1" | wc -l)
  base_layers=$("$DOCKER" history --human=false --format '{{.Size}}' "$2" | wc -l)
  "$DOCKER" history --human=false --format '{{.Size}}' "$1" | head -n $((image_layers - base_layers)) |
    awk '{ sum += $1 } END { print sum + 0 }'
}

base=${PAKAURA_NODE_IMAGE:?PAKAURA_NODE_IMAGE is not set}
base_size=$("$DOCKER" image inspect --format '{{.Size}}' "$base")
{
  echo "| figure | api (pakaura-api) | frontend (pakaura-frontend) | target |"
  echo "|---|---|---|---|"
  sizes=() added=()
  for app in api frontend; do
    ref="$(record_field "$app" repository):$(record_field "$app" tag)"
    sizes+=("$(mb "$("$DOCKER" image inspect --format '{{.Size}}' "$ref")")")
    added+=("$(mb "$(added_bytes "$ref" "$base")")")
  done
  echo "| image size (base $base: $(mb "$base_size")) | ${sizes[0]} | ${sizes[1]} | – |"
  echo "| layers the Dockerfile adds on top of the base | ${added[0]} | ${added[1]} | < 60 MB / < 80 MB |"
  row "cold image build (no BuildKit or npm cache)" cold_seconds –
  row "one-line change: app build (Nx, cache miss)" rebuild_build_seconds –
  row "one-line change: image rebuild (warm cache)" rebuild_image_seconds "< 60 s"
  row "\`image\` executor, tag already present" skip_seconds "< 1 s"
  row "same, whole \`nx run <app>:image\` (Nx start-up included)" skip_nx_seconds –
  row "container healthy after start (health interval 2 s)" healthy_seconds –
  echo
  echo "Machine load (1/5/15 min) at the lane's start $(value load_start), end $(value load_end), on $(nproc) cores."
  echo "Base image assembled in $(value base_seconds) s (debootstrap + node + npm + CA bundle; skipped when present). Apps built by Nx in $(value apps_build_seconds) s before the cold image builds."
} | tee "$IMAGES_LOG_DIR/figures.md"
