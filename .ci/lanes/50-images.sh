#!/usr/bin/env bash
# Image lane (issue 4): builds both images with a real Docker engine through the `image`
# executor, runs them the way Kubernetes will (read-only root, user 10001, host network) against
# the CI's PostgreSQL until Docker reports both healthy, runs the browser smoke suite through
# them, measures the figures for docs/BENCHMARKS.md ("## Images"), and tears everything down.
# Any failure ends the lane with one line naming the cause (full logs: $IMAGES_LOG_DIR).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=.ci/images
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"
export NX_DAEMON=false
: >"$IMAGES_LOG_DIR/figures.env"
figure load_start "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"

# Stop at the end only an engine this lane started.
own_engine=false
cleanup() {
  bash "$here/containers.sh" stop || true
  if [ "$own_engine" = true ]; then bash "$here/dockerd.sh" stop || true; fi
}
trap cleanup EXIT

if ! engine_answers; then
  own_engine=true
  bash "$here/dockerd.sh" start
fi
started=$(now)
base=$(bash "$here/base-image.sh")
echo "base_seconds=$(elapsed "$started")" >>"$IMAGES_LOG_DIR/figures.env"

# The image executor's settings for this machine: the local engine, no bridge network.
export PAKAURA_IMAGE_TARGET=docker PAKAURA_NODE_IMAGE=$base PAKAURA_DOCKER=$DOCKER
export PAKAURA_DOCKER_NETWORK=host
bash "$here/build-images.sh"
bash "$here/containers.sh" start
bash "$here/containers.sh" smoke
bash "$here/containers.sh" stop
bash "$here/measure-rebuild.sh"
figure load_end "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
bash "$here/figures.sh"
