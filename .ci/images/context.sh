#!/usr/bin/env bash
# Proves with the engine itself what each build context holds: for each ignore file (the two
# <Dockerfile>.dockerignore and the root .dockerignore), a probe build that copies its whole
# context into a tar, with environment files planted where they could land (the API's build
# output, the Next.js standalone output, the repository root). No .env file may reach a context;
# the files each Dockerfile copies must. The planted files are removed on exit.
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"
require_engine

planted=(
  dist/apps/api-container/.env
  apps/frontend/.next/standalone/.env.production
  apps/frontend/.next/standalone/apps/frontend/.env.local
  .env
)
work=$(mktemp -d "${TMPDIR:-/tmp}/pakaura-context.XXXXXX")
cleanup() {
  for file in "${created[@]}"; do rm -f "$file"; done
  rm -rf "$work"
}
created=()
trap cleanup EXIT
for file in "${planted[@]}"; do
  [ -d "$(dirname "$file")" ] || fail "$(dirname "$file") is missing: build the apps first (nx run-many -t build)"
  [ -e "$file" ] && continue
  echo "PLANTED_BY_THE_IMAGE_LANE=1" >"$file"
  created+=("$file")
done

# context_of NAME IGNORE_FILE CONTEXT: the paths a build from CONTEXT sends to the engine, one per
# line, with IGNORE_FILE as its Dockerfile's own ignore file (none: CONTEXT's .dockerignore).
context_of() {
  local name=$1 ignore=$2 context=$3 dir="$work/$1"
  mkdir -p "$dir"
  printf 'FROM scratch\nCOPY . /\n' >"$dir/probe.Dockerfile"
  [ -z "$ignore" ] || cp "$ignore" "$dir/probe.Dockerfile.dockerignore"
  quietly "probe build of the $name context" "$DOCKER" build --network none \
    -f "$dir/probe.Dockerfile" --output "type=tar,dest=$dir/context.tar" "$context"
  tar -tf "$dir/context.tar" | sed -e 's#^\./##'
}

# check NAME IGNORE_FILE CONTEXT EXPECTED...: no .env file in the context, every EXPECTED path in it.
check() {
  local name=$1 ignore=$2 context=$3 listing leaked missing=()
  shift 3
  listing=$(context_of "$name" "$ignore" "$context")
  leaked=$(grep -E '(^|/)\.env' <<<"$listing" || true)
  [ -z "$leaked" ] || fail "the $name build context holds environment files: $(tr '\n' ' ' <<<"$leaked")"
  for path in "$@"; do
    grep -qxF "$path" <<<"$listing" || missing+=("$path")
  done
  [ ${#missing[@]} -eq 0 ] || fail "the $name build context lacks ${missing[*]}"
  echo "build context $name: $(wc -l <<<"$listing") entries, no .env file (${#planted[@]} planted)"
}

check api apps/api-container/Dockerfile.dockerignore . \
  dist/apps/api-container/main.js apps/api-container/docker/curl.mjs
check frontend apps/frontend/Dockerfile.dockerignore . \
  apps/frontend/.next/standalone/apps/frontend/server.js

# The root .dockerignore, for any other build from the repository root: on a small copy of the
# layout (the whole repository, node_modules included, is too big a context to send for this).
root="$work/root-context"
for file in "${planted[@]}" apps/api-container/Dockerfile README.md; do
  mkdir -p "$root/$(dirname "$file")"
  cp "$file" "$root/$file"
done
cp .dockerignore "$root/.dockerignore"
check root "" "$root" apps/api-container/Dockerfile README.md
