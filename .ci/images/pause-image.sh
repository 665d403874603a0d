#!/usr/bin/env bash
# Assembles the harness's pause image locally (no registry is reachable): Debian's static busybox
# alone, imported with `docker import`. A pod's pause container holds the pod's network
# namespace; its PID 1 sleeps, reaps orphans and exits on SIGTERM. Prints the image's name.
#   pause-image.sh [IMAGE]   default IMAGE: pakaura-harness-pause:1; does nothing when it exists
# The busybox binary comes from the installed busybox-static package, else from its .deb fetched
# with `apt-get download` (Debian's mirror) without installing anything.
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"

image=${1:-pakaura-harness-pause:1}
require_engine
if "$DOCKER" image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pakaura-pause.XXXXXX")
trap 'rm -rf "$work"' EXIT
busybox=/bin/busybox
if ! dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'install ok installed'; then
  (cd "$work" && quietly "apt-get download busybox-static" apt-get download busybox-static)
  quietly "dpkg-deb -x busybox-static" sh -c "dpkg-deb -x '$work'/busybox-static_*.deb '$work/deb'"
  busybox=$work/deb/bin/busybox
fi
mkdir -p "$work/rootfs/bin"
install -m 0755 "$busybox" "$work/rootfs/bin/busybox"
ln -s busybox "$work/rootfs/bin/sh"
ln -s busybox "$work/rootfs/bin/sleep"
# A static binary runs without a loader: a dynamic one would need a libc the image lacks.
quietly "docker import $image" sh -c "tar -C '$work/rootfs' -c . | '$DOCKER' import \
  --change 'LABEL pakaura.harness=1' \
  --change 'ENTRYPOINT [\"/bin/busybox\", \"sh\", \"-c\", \"trap \\\"exit 0\\\" TERM INT; while :; do sleep 3600 & wait \$!; done\"]' \
  - '$image'"
quietly "pause container of $image" "$DOCKER" run --rm --network none --entrypoint /bin/busybox \
  "$image" true
echo "$image"
