#!/usr/bin/env bash
# Assembles a PostgreSQL image locally (no registry is reachable), for the release lane to run in
# place of the chart's postgres:16-alpine: Debian bookworm (debootstrap --variant=minbase) with
# postgresql-15 (bookworm has no 16), slimmed (no docs, translations, JIT/LLVM, default cluster),
# the postgres user and group as uid/gid 70 like the alpine image, and a small entrypoint honouring
# POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB and PGDATA (postgresql/docker-entrypoint.sh).
# Prints the image's name.
#   postgresql-image.sh [IMAGE]   default IMAGE: pakaura-postgresql:15; does nothing when it exists
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"

image=${1:-pakaura-postgresql:15}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

require_engine
if "$DOCKER" image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi
command -v debootstrap >/dev/null 2>&1 || fail "debootstrap is missing: apt-get install -y debootstrap"

work=$(mktemp -d "${TMPDIR:-/tmp}/pakaura-postgresql.XXXXXX")
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs

quietly "debootstrap bookworm with postgresql-15 from $mirror" \
  debootstrap --variant=minbase --include=postgresql-15 bookworm "$rootfs" "$mirror"

# uid/gid 70, as in the alpine image the chart's securityContext names; every file the package
# gave the postgres user follows it.
old_uid=$(awk -F: '$1 == "postgres" { print $3 }' "$rootfs/etc/passwd")
old_gid=$(awk -F: '$1 == "postgres" { print $3 }' "$rootfs/etc/group")
[ -n "$old_uid" ] && [ -n "$old_gid" ] || fail "postgresql-15 created no postgres user in the root filesystem"
sed -i -E "s/^postgres:([^:]*):${old_uid}:${old_gid}:/postgres:\\1:70:70:/" "$rootfs/etc/passwd"
sed -i -E "s/^postgres:([^:]*):${old_gid}:/postgres:\\1:70:/" "$rootfs/etc/group"
find "$rootfs" -xdev \( -uid "$old_uid" -o -gid "$old_gid" \) -exec chown -h 70:70 {} +

# The package's default cluster and what nothing at run time reads: documentation, translations,
# the JIT (LLVM and its bitcode; jit is off), apt's lists and caches.
rm -rf "$rootfs"/etc/postgresql/15/main "$rootfs"/var/lib/postgresql/15 \
  "$rootfs"/usr/share/{doc,man,info,locale} "$rootfs"/usr/share/postgresql/15/man \
  "$rootfs"/usr/lib/postgresql/15/lib/bitcode "$rootfs"/usr/lib/postgresql/15/lib/llvmjit*.so \
  "$rootfs"/usr/lib/x86_64-linux-gnu/libLLVM* "$rootfs"/usr/lib/x86_64-linux-gnu/libz3* \
  "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*
printf '\n# The image ships no JIT provider.\njit = off\n' >>"$rootfs/usr/share/postgresql/15/postgresql.conf.sample"
install -d -o 70 -g 70 -m 2775 "$rootfs/var/run/postgresql" "$rootfs/var/lib/postgresql/data"
install -m 0755 "$here/postgresql/docker-entrypoint.sh" "$rootfs/usr/local/bin/docker-entrypoint.sh"

# `docker import` takes no STOPSIGNAL: a one-line build on the imported root adds it (SIGINT is
# PostgreSQL's fast shutdown; SIGTERM's smart shutdown would wait for every client to leave).
quietly "docker import ${image}-rootfs" sh -c "tar -C '$rootfs' -c . | '$DOCKER' import \
  --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV PGDATA=/var/lib/postgresql/data' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'USER 70:70' \
  --change 'EXPOSE 5432' \
  --change 'LABEL pakaura.harness=1' \
  --change 'ENTRYPOINT [\"docker-entrypoint.sh\"]' \
  --change 'CMD [\"postgres\"]' - '${image}-rootfs'"
quietly "docker build $image" sh -c "printf 'FROM %s\nSTOPSIGNAL SIGINT\n' '${image}-rootfs' |
  '$DOCKER' build --network host -t '$image' -"
quietly "docker rmi ${image}-rootfs" "$DOCKER" rmi "${image}-rootfs"
quietly "pg_isready in $image" "$DOCKER" run --rm --network none "$image" pg_isready --version
echo "$image"
