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
# shellcheck disable=SC1091
source "$IMAGES_LOG_DIR/figures.env"

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
  echo "| cold image build (no BuildKit or npm cache) | ${api_cold_seconds} s | ${frontend_cold_seconds} s | – |"
  echo "| one-line change: app build (Nx, cache miss) | ${api_rebuild_build_seconds} s | ${frontend_rebuild_build_seconds} s | – |"
  echo "| one-line change: image rebuild (warm cache) | ${api_rebuild_image_seconds} s | ${frontend_rebuild_image_seconds} s | < 60 s |"
  echo "| \`image\` executor, tag already present | ${api_skip_seconds} s | ${frontend_skip_seconds} s | < 1 s |"
  echo "| same, whole \`nx run <app>:image\` (Nx start-up included) | ${api_skip_nx_seconds} s | ${frontend_skip_nx_seconds} s | – |"
  echo "| container healthy after start (health interval 2 s) | ${api_healthy_seconds} s | ${frontend_healthy_seconds} s | – |"
  echo
  echo "Machine load (1/5/15 min) at the lane's start ${load_start:-?}, end ${load_end:-?}, on $(nproc) cores."
  echo "Base image assembled in ${base_seconds} s (debootstrap + node + npm + CA bundle; skipped when present). Apps built by Nx in ${apps_build_seconds} s before the cold image builds."
} | tee "$IMAGES_LOG_DIR/figures.md"
