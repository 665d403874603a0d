import { spawnSync } from 'node:child_process';
import { flag, hasFlag } from '../lib/args.mjs';
import { contextNames, readKubeconfig, resolveContext, useContext } from '../lib/kubeconfig.mjs';

export const DEFAULT_VERSION = 'v1.31.2';
/** The workload each minikube addon brings, as minikube itself deploys it. */
export const ADDON_WORKLOADS = {
  ingress: { namespace: 'ingress-nginx', deployment: 'ingress-nginx-controller' },
  'metrics-server': { namespace: 'kube-system', deployment: 'metrics-server' },
};
export const REAL_KUBECTL_ENV = 'PAKAURA_FAKE_REAL_KUBECTL';
/** ingress-nginx's manifest for kind (deploy/static/provider/kind/deploy.yaml of a controller tag). */
const KIND_INGRESS =
  /\/ingress-nginx\/controller-v[\d.]+\/deploy\/static\/provider\/kind\/deploy\.yaml$/;

export const spec = {
  values: [
    'namespace',
    'context',
    'kubeconfig',
    'output',
    'timeout',
    'filename',
    'selector',
    'for',
    'tail',
    'container',
  ],
  aliases: {
    '-n': 'namespace',
    '-o': 'output',
    '-f': 'filename',
    '-l': 'selector',
    '-c': 'container',
  },
};

export async function run(ctx) {
  const [command, sub, target] = ctx.parsed.positionals;
  if (command === 'version') return version(ctx);
  if (command === 'config') return config(ctx, sub, target);
  if (isOffline(ctx)) return passThrough(ctx);
  const context = reachableContext(ctx);
  if (command === 'cluster-info') {
    ctx.out(`Kubernetes control plane is running at ${context.server}`);
    return 0;
  }
  if (command === 'rollout' && sub === 'status' && isAddonWorkload(ctx, target)) {
    return rolloutStatus(ctx, context.name, target);
  }
  if (command === 'get' && isAddonWorkload(ctx, sub))
    return getAddonWorkload(ctx, context.name, sub);
  if (command === 'apply' && KIND_INGRESS.test(flag(ctx.parsed, 'filename') ?? '')) {
    return applyKindIngress(ctx, context.name);
  }
  // Anything else goes to the real kubectl, which talks to the API server the kubeconfig names
  // (a FakeKube, or nothing: then it fails as against an unreachable cluster).
  return passThrough(ctx);
}

function isAddonWorkload(ctx, target) {
  const name = (target ?? '').split('/')[1];
  const namespace = flag(ctx.parsed, 'namespace', 'default');
  return Object.values(ADDON_WORKLOADS).some(
    (w) => w.deployment === name && w.namespace === namespace,
  );
}

function version(ctx) {
  const v = ctx.config.versions?.kubectl ?? DEFAULT_VERSION;
  const [major, minor] = v.replace(/^v/, '').split('.');
  const clientVersion = { major, minor, gitVersion: v, platform: 'linux/amd64' };
  if (!hasFlag(ctx.parsed, 'client')) reachableContext(ctx);
  if (flag(ctx.parsed, 'output') === 'json') {
    ctx.out(JSON.stringify({ clientVersion, kustomizeVersion: 'v5.4.2' }, null, 2));
  } else {
    ctx.out(`Client Version: ${v}\nKustomize Version: v5.4.2`);
  }
  return 0;
}

function config(ctx, sub, name) {
  if (sub === 'current-context') {
    const current = readKubeconfig(ctx.kubeconfig)['current-context'];
    if (!current) ctx.fail(1, 'error: current-context is not set');
    ctx.out(current);
    return 0;
  }
  if (sub === 'get-contexts' && flag(ctx.parsed, 'output') === 'name') {
    contextNames(ctx.kubeconfig).forEach((c) => ctx.out(c));
    return 0;
  }
  if (sub === 'use-context') {
    if (!contextNames(ctx.kubeconfig).includes(name))
      ctx.fail(1, `error: no context exists with the name: "${name}"`);
    useContext(ctx.kubeconfig, name);
    ctx.out(`Switched to context "${name}".`);
    return 0;
  }
  ctx.fail(2, `fake kubectl: unsupported command: kubectl ${ctx.argv.join(' ')}`);
}

/** A cluster-facing command needs a context whose fake cluster runs, like the real one needs an answering API server. */
export function reachableContext(ctx, explicit = flag(ctx.parsed, 'context')) {
  const resolved = resolveContext(ctx.kubeconfig, explicit);
  if (resolved.error) ctx.fail(1, `error: ${resolved.error}`);
  if (!ctx.state.cluster(resolved.name)?.running) {
    const host = resolved.server.replace(/^https?:\/\//, '');
    ctx.fail(
      1,
      `The connection to the server ${host} was refused - did you specify the right host or port?`,
    );
  }
  return resolved;
}

async function rolloutStatus(ctx, context, target) {
  const [kind, name] = (target ?? '').split('/');
  const namespace = flag(ctx.parsed, 'namespace', 'default');
  const addon = Object.entries(ADDON_WORKLOADS).find(
    ([, w]) => w.deployment === name && w.namespace === namespace,
  )?.[0];
  if (kind !== 'deployment' || !addon || !ctx.state.addons(context).includes(addon)) {
    ctx.fail(1, `Error from server (NotFound): deployments.apps "${name}" not found`);
  }
  if ((ctx.config.addonsNeverReady ?? []).includes(addon)) {
    ctx.out(
      `Waiting for deployment "${name}" rollout to finish: 0 of 1 updated replicas are available...`,
    );
    ctx.fail(1, 'error: timed out waiting for the condition');
  }
  ctx.out(`deployment "${name}" successfully rolled out`);
  return 0;
}

/** `kubectl get deployment/<addon workload> -o name`: the real answer shapes for found and NotFound. */
function getAddonWorkload(ctx, context, target) {
  const name = target.split('/')[1];
  const addon = Object.entries(ADDON_WORKLOADS).find(([, w]) => w.deployment === name)?.[0];
  if (!ctx.state.addons(context).includes(addon)) {
    ctx.fail(1, `Error from server (NotFound): deployments.apps "${name}" not found`);
  }
  ctx.out(`deployment.apps/${name}`);
  return 0;
}

/** The objects ingress-nginx's kind manifest creates, as `kubectl apply` reports them. */
function applyKindIngress(ctx, context) {
  ctx.state.enableAddon(context, 'ingress');
  for (const line of [
    'namespace/ingress-nginx created',
    'serviceaccount/ingress-nginx created',
    'configmap/ingress-nginx-controller created',
    'service/ingress-nginx-controller created',
    'deployment.apps/ingress-nginx-controller created',
    'ingressclass.networking.k8s.io/nginx created',
    'validatingwebhookconfiguration.admissionregistration.k8s.io/ingress-nginx-admission created',
  ]) {
    ctx.out(line);
  }
  return 0;
}

/** Client-side work (`apply --dry-run=client`, `kustomize`) needs no cluster: the real kubectl does it, whatever the fake world says. */
function isOffline(ctx) {
  const [command] = ctx.parsed.positionals;
  return command === 'kustomize' || flag(ctx.parsed, 'dry-run') === 'client';
}

function passThrough(ctx) {
  const real = ctx.env[REAL_KUBECTL_ENV];
  if (!real)
    ctx.fail(2, `fake kubectl: set ${REAL_KUBECTL_ENV} to run "${ctx.argv.join(' ')}" offline`);
  const result = spawnSync(real, ctx.argv, { stdio: 'inherit' });
  return result.status ?? 1;
}
