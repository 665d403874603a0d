import { join } from 'node:path';
import { flag } from '../lib/args.mjs';
import { upsertContext, removeContext } from '../lib/kubeconfig.mjs';

export const DEFAULT_VERSION = 'v1.34.0';
/** Port the fake writes into DOCKER_HOST; nothing listens there, the fake docker never connects. */
const FAKE_DOCKER_PORT = 32771;
/** What `minikube addons list` knows about; the two Pakaura enables come first. */
export const KNOWN_ADDONS = [
  'ingress',
  'metrics-server',
  'dashboard',
  'default-storageclass',
  'ingress-dns',
  'registry',
  'storage-provisioner',
];

export const spec = {
  values: [
    'profile',
    'output',
    'cpus',
    'memory',
    'disk-size',
    'driver',
    'kubernetes-version',
    'shell',
    'container-runtime',
    'wait',
  ],
  aliases: { '-p': 'profile', '-o': 'output' },
};

export async function run(ctx) {
  const [command, sub, name] = ctx.parsed.positionals;
  const profile = flag(ctx.parsed, 'profile', 'minikube');
  if (command === 'version') return version(ctx);
  if (command === 'status') return status(ctx, profile);
  if (command === 'start') return start(ctx, profile);
  if (command === 'stop') return stop(ctx, profile);
  if (command === 'delete') return remove(ctx, profile);
  if (command === 'docker-env') return dockerEnv(ctx, profile);
  if (command === 'addons' && sub === 'list') return addonsList(ctx, profile);
  if (command === 'addons' && sub === 'enable') return addonsEnable(ctx, profile, name);
  if (command === 'update-context') return updateContext(ctx, profile);
  ctx.fail(2, `fake minikube: unsupported command: minikube ${ctx.argv.join(' ')}`);
}

function version(ctx) {
  const v = ctx.config.versions?.minikube ?? DEFAULT_VERSION;
  const output = flag(ctx.parsed, 'output');
  if (output === 'json') ctx.out(JSON.stringify({ commit: 'fake000', minikubeVersion: v }));
  else if (flag(ctx.parsed, 'short')) ctx.out(v);
  else ctx.out(`minikube version: ${v}\ncommit: fake000`);
  return 0;
}

function status(ctx, profile) {
  const cluster = ctx.state.cluster(profile);
  if (!cluster) {
    ctx.out(
      flag(ctx.parsed, 'output') === 'json'
        ? JSON.stringify({
            Name: profile,
            Host: 'Nonexistent',
            Kubelet: 'Nonexistent',
            APIServer: 'Nonexistent',
            Kubeconfig: 'Nonexistent',
            Worker: false,
          })
        : `🤷  Profile "${profile}" not found. Run "minikube profile list" to view all profiles.`,
    );
    return 85;
  }
  const state = cluster.running ? 'Running' : 'Stopped';
  const kubeconfig = cluster.running ? (cluster.kubeconfig ?? 'Configured') : 'Stopped';
  const data = {
    Name: profile,
    Host: state,
    Kubelet: state,
    APIServer: state,
    Kubeconfig: kubeconfig,
    Worker: false,
  };
  if (flag(ctx.parsed, 'output') === 'json') ctx.out(JSON.stringify(data));
  else
    ctx.out(
      `${profile}\ntype: Control Plane\nhost: ${state}\nkubelet: ${state}\napiserver: ${state}\nkubeconfig: ${kubeconfig}\n`,
    );
  return cluster.running ? 0 : 7;
}

function start(ctx, profile) {
  const options = {
    driver: flag(ctx.parsed, 'driver', 'docker'),
    cpus: flag(ctx.parsed, 'cpus', '2'),
    memory: flag(ctx.parsed, 'memory', '4000'),
    diskSize: flag(ctx.parsed, 'disk-size', '20000mb'),
    kubernetesVersion: flag(ctx.parsed, 'kubernetes-version', 'v1.31.0'),
  };
  if (options.driver === 'docker' && ctx.config.dockerEngine === 'stopped') {
    ctx.fail(
      56,
      '❌  Exiting due to PROVIDER_DOCKER_NOT_RUNNING: "docker version --format -" exit status 1: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    );
  }
  const v = ctx.config.versions?.minikube ?? DEFAULT_VERSION;
  ctx.out(`😄  [${profile}] minikube ${v} on Debian 12 (fake)`);
  ctx.out(`✨  Using the ${options.driver} driver based on user configuration`);
  ctx.out(
    `🔥  Creating ${options.driver} container (CPUs=${options.cpus}, Memory=${options.memory}MB) ...`,
  );
  ctx.out(
    `🐳  Preparing Kubernetes ${options.kubernetesVersion} on Docker ${ctx.config.versions?.docker ?? '27.3.1'} ...`,
  );
  ctx.state.saveCluster(profile, {
    provider: 'minikube',
    name: profile,
    running: true,
    ...options,
  });
  ctx.state.createNamespace(profile, 'default');
  ctx.state.createNamespace(profile, 'kube-system');
  upsertContext(ctx.kubeconfig, profile, ctx.config.apiServer ?? 'https://127.0.0.1:8443');
  ctx.out(
    `🏄  Done! kubectl is now configured to use "${profile}" cluster and "default" namespace by default`,
  );
  return 0;
}

function stop(ctx, profile) {
  const cluster = ctx.state.cluster(profile);
  if (!cluster)
    ctx.fail(
      85,
      `🤷  Profile "${profile}" not found. Run "minikube profile list" to view all profiles.`,
    );
  ctx.state.saveCluster(profile, { ...cluster, running: false });
  ctx.out(`✋  Stopping node "${profile}"  ...\n🛑  1 node stopped.`);
  return 0;
}

function remove(ctx, profile) {
  ctx.state.deleteCluster(profile);
  removeContext(ctx.kubeconfig, profile);
  ctx.out(`🔥  Removed all traces of the "${profile}" cluster.`);
  return 0;
}

function requireRunning(ctx, profile) {
  const cluster = ctx.state.cluster(profile);
  if (!cluster) {
    ctx.fail(
      85,
      `🤷  Profile "${profile}" not found. Run "minikube profile list" to view all profiles.\n👉  To start a cluster, run: "minikube start -p ${profile}"`,
    );
  }
  if (!cluster.running) {
    ctx.fail(
      89,
      `🤷  The control-plane node ${profile} host is not running: state=Stopped\n👉  To start a cluster, run: "minikube start -p ${profile}"`,
    );
  }
  return cluster;
}

function dockerEnv(ctx, profile) {
  requireRunning(ctx, profile);
  const vars = {
    DOCKER_TLS_VERIFY: '1',
    DOCKER_HOST: `tcp://127.0.0.1:${FAKE_DOCKER_PORT}`,
    DOCKER_CERT_PATH: join(ctx.state.dir, 'minikube', 'certs'),
    MINIKUBE_ACTIVE_DOCKERD: profile,
  };
  const shell = flag(ctx.parsed, 'shell', 'bash');
  for (const [key, value] of Object.entries(vars)) {
    ctx.out(shell === 'none' ? `${key}=${value}` : `export ${key}="${value}"`);
  }
  if (shell !== 'none') {
    ctx.out(
      `\n# To point your shell to minikube's docker-daemon, run:\n# eval $(minikube -p ${profile} docker-env)`,
    );
  }
  return 0;
}

function addonsList(ctx, profile) {
  if (!ctx.state.cluster(profile)) {
    ctx.fail(
      85,
      `🤷  Profile "${profile}" not found. Run "minikube profile list" to view all profiles.`,
    );
  }
  const enabled = new Set(ctx.state.addons(profile));
  const data = Object.fromEntries(
    KNOWN_ADDONS.map((addon) => [
      addon,
      { Profile: profile, Status: enabled.has(addon) ? 'enabled' : 'disabled' },
    ]),
  );
  if (flag(ctx.parsed, 'output') === 'json') ctx.out(JSON.stringify(data));
  else
    for (const [addon, entry] of Object.entries(data))
      ctx.out(`| ${addon} | ${profile} | ${entry.Status} |`);
  return 0;
}

function addonsEnable(ctx, profile, addon) {
  requireRunning(ctx, profile);
  if (!KNOWN_ADDONS.includes(addon)) {
    ctx.fail(
      69,
      `❌  Exiting due to MK_ADDON_ENABLE: enable failed: run callbacks: ${addon} is not a valid addon`,
    );
  }
  ctx.state.enableAddon(profile, addon);
  if (addon === 'ingress') ctx.out('🔎  Verifying ingress addon...');
  ctx.out(`🌟  The '${addon}' addon is enabled`);
  return 0;
}

function updateContext(ctx, profile) {
  const cluster = requireRunning(ctx, profile);
  upsertContext(ctx.kubeconfig, profile, ctx.config.apiServer ?? 'https://127.0.0.1:8443');
  ctx.state.saveCluster(profile, { ...cluster, kubeconfig: 'Configured' });
  ctx.out(`🎉  "${profile}" context has been updated to point to 127.0.0.1:8443`);
  return 0;
}
