/**
 * A fake `minikube` that answers as minikube does for the commands Pakaura runs. Where an answer's
 * shape matters, it is taken from minikube's own source, read at kubernetes/minikube commit
 * 0212a69 (the v1.3x line; DEFAULT_VERSION below is what `minikube version` prints):
 *
 * - `status -o json`: one object for a one-node profile and an ARRAY for several nodes
 *   (cmd/minikube/cmd/status.go, statusJSON: "Keep backwards compat with single node clusters");
 *   workers say "Irrelevant" for APIServer and Kubeconfig (pkg/minikube/cluster/status.go,
 *   NodeStatus); the exit code is a bit field, 1 host + 2 cluster + 4 kubeconfig (status.go,
 *   exitCode). `Kubeconfig` is "Configured" only when the kubeconfig's *cluster* entry named after
 *   the profile holds minikube's endpoint (pkg/minikube/kubeconfig/kubeconfig.go, VerifyEndpoint
 *   and Endpoint read `Clusters[profile]` of the first $KUBECONFIG file).
 * - a missing profile: `Profile "<p>" not found. ...` and `To start a cluster, run: "minikube
 *   start -p <p>"`, exit 85 (pkg/minikube/mustload/mustload.go, Partial + exitTip;
 *   reason.ExGuestNotFound). With `-o json` minikube is in JSON mode and prints both lines as
 *   CloudEvents of type io.k8s.sigs.minikube.info, the message without style prefix
 *   (pkg/minikube/out/out.go Styled → Infof → register.PrintInfo; out_style.go applyStyle;
 *   the event's shape from pkg/minikube/out/register/json_test.go).
 * - `addons list -o json`: one key per addon, sorted, each `{"Profile","Status"}`; a profile that
 *   does not exist lists every addon as `{}` and exits 0 (cmd/minikube/cmd/config/addons_list.go,
 *   printAddonsJSON).
 * - `addons enable`: loads the profile's config, runs the addon's callbacks (slow: it applies
 *   and verifies the manifests), then writes the whole config back (pkg/addons/addons.go,
 *   SetAndSave). Two enables at once therefore lose one addon; the fake does the same, the
 *   callbacks lasting the `delays` knob for `addons enable`.
 * - `start` on an existing profile with an older `--kubernetes-version`: K8S_DOWNGRADE_UNSUPPORTED,
 *   exit 106 (cmd/minikube/cmd/start.go, validateKubernetesVersion; reason.KubernetesDowngrade).
 * - `docker-env --shell none`: `KEY=value` lines (cmd/minikube/cmd/docker-env_test.go, "none").
 * - `profile list -o json`: `{"invalid":[],"valid":[{Name,Status,Config:{KubernetesConfig:
 *   {KubernetesVersion},Nodes}}]}` (cmd/minikube/cmd/config/profile_list.go, printProfilesJSON).
 */
import { join } from 'node:path';
import { flag } from '../lib/args.mjs';
import { readKubeconfig, removeContext, setClusterServer } from '../lib/kubeconfig.mjs';

export const DEFAULT_VERSION = 'v1.34.0';
/** Where minikube's API server answers when the test sets no `apiServer`: nothing listens there. */
const DEFAULT_ENDPOINT = 'https://127.0.0.1:8443';
/** Port the fake writes into DOCKER_HOST; nothing listens there, the fake docker never connects. */
const FAKE_DOCKER_PORT = 32771;
/** reason.ExGuestNotFound, reason.KubernetesDowngrade's exit code, reason.ExGuestUnavailable. */
const EXIT_GUEST_NOT_FOUND = 85;
const EXIT_K8S_DOWNGRADE = 106;
const EXIT_GUEST_UNAVAILABLE = 89;
/** A part of minikube's addon list (pkg/minikube/assets/addons.go), sorted as `addons list` prints it. */
export const KNOWN_ADDONS = [
  'ambassador',
  'dashboard',
  'default-storageclass',
  'gcp-auth',
  'headlamp',
  'ingress',
  'ingress-dns',
  'metallb',
  'metrics-server',
  'registry',
  'storage-provisioner',
  'volumesnapshots',
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
    'nodes',
    'node',
  ],
  aliases: { '-p': 'profile', '-o': 'output', '-n': 'nodes' },
};

/** `addons enable` applies its own delay between reading and writing the profile. */
export function handlesKnobs(parsed) {
  const [command, sub] = parsed.positionals;
  return command === 'addons' && sub === 'enable';
}

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
  if (command === 'profile' && sub === 'list') return profileList(ctx);
  if (command === 'ip') return ip(ctx, profile);
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

/** The two lines mustload.Partial prints before exiting 85, as text or as CloudEvents. */
function profileNotFound(ctx, profile) {
  const start = profile === 'minikube' ? 'minikube start' : `minikube start -p ${profile}`;
  const lines = [
    ['🤷  ', `Profile "${profile}" not found. Run "minikube profile list" to view all profiles.`],
    ['👉  ', `To start a cluster, run: "${start}"`],
  ];
  if (flag(ctx.parsed, 'output') === 'json') {
    for (const [, message] of lines) ctx.out(JSON.stringify(cloudEvent(message)));
  } else {
    for (const [emoji, message] of lines) ctx.out(`${emoji}${message}`);
  }
  ctx.fail(EXIT_GUEST_NOT_FOUND);
}

function cloudEvent(message) {
  return {
    data: { message: `${message}\n` },
    datacontenttype: 'application/json',
    id: '7a7b5f0e-0000-4000-8000-000000000000',
    source: 'https://minikube.sigs.k8s.io/',
    specversion: '1.0',
    type: 'io.k8s.sigs.minikube.info',
  };
}

/** VerifyEndpoint: the kubeconfig's cluster entry named after the profile holds minikube's endpoint. */
export function kubeconfigState(ctx, profile, cluster) {
  const entry = (readKubeconfig(ctx.kubeconfig).clusters ?? []).find((c) => c.name === profile);
  const server = entry?.cluster?.server;
  if (!server) return 'Misconfigured';
  const got = new URL(server);
  const want = new URL(cluster.endpoint ?? DEFAULT_ENDPOINT);
  return got.hostname === want.hostname && got.port === want.port ? 'Configured' : 'Misconfigured';
}

function status(ctx, profile) {
  const cluster = ctx.state.cluster(profile);
  if (!cluster) return profileNotFound(ctx, profile);
  const host = cluster.running ? 'Running' : 'Stopped';
  const nodes = Math.max(1, Number(cluster.nodes ?? 1));
  const statuses = Array.from({ length: nodes }, (_, i) => {
    const worker = i > 0;
    const name = worker ? `${profile}-m${String(i + 1).padStart(2, '0')}` : profile;
    if (!cluster.running) {
      return {
        Name: name,
        Host: host,
        Kubelet: host,
        APIServer: host,
        Kubeconfig: host,
        Worker: worker,
      };
    }
    return {
      Name: name,
      Host: 'Running',
      Kubelet: 'Running',
      APIServer: worker ? 'Irrelevant' : 'Running',
      Kubeconfig: worker ? 'Irrelevant' : kubeconfigState(ctx, profile, cluster),
      Worker: worker,
    };
  });
  if (flag(ctx.parsed, 'output') === 'json') {
    ctx.out(JSON.stringify(statuses.length === 1 ? statuses[0] : statuses));
  } else {
    for (const st of statuses) {
      ctx.out(
        st.Worker
          ? `${st.Name}\ntype: Worker\nhost: ${st.Host}\nkubelet: ${st.Kubelet}\n`
          : `${st.Name}\ntype: Control Plane\nhost: ${st.Host}\nkubelet: ${st.Kubelet}\napiserver: ${st.APIServer}\nkubeconfig: ${st.Kubeconfig}\n`,
      );
      if (st.Kubeconfig === 'Misconfigured') {
        ctx.out(
          'WARNING: Your kubectl is pointing to stale minikube-vm.\nTo fix the kubectl context, run `minikube update-context`',
        );
      }
    }
  }
  let code = 0;
  for (const st of statuses) {
    if (st.Host !== 'Running') code |= 1;
    if ((st.APIServer !== 'Running' && st.APIServer !== 'Irrelevant') || st.Kubelet !== 'Running')
      code |= 2;
    if (st.Kubeconfig !== 'Configured' && st.Kubeconfig !== 'Irrelevant') code |= 4;
  }
  return code;
}

function semver(version) {
  return version.replace(/^v/, '').split('.').map(Number);
}

function older(a, b) {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
}

function start(ctx, profile) {
  const existing = ctx.state.cluster(profile);
  const requested = flag(ctx.parsed, 'kubernetes-version');
  if (existing && requested && older(requested, existing.kubernetesVersion)) {
    const [o, n] = [existing.kubernetesVersion.replace(/^v/, ''), requested.replace(/^v/, '')];
    const p = profile === 'minikube' ? '' : ` -p ${profile}`;
    ctx.fail(
      EXIT_K8S_DOWNGRADE,
      `\n🙈  Exiting due to K8S_DOWNGRADE_UNSUPPORTED: Unable to safely downgrade existing Kubernetes v${o} cluster to v${n}\n💡  Suggestion: \n\n    1) Recreate the cluster with Kubernetes ${n}, by running:\n    \n    minikube delete${p}\n    minikube start${p} --kubernetes-version=v${n}\n    \n    2) Create a second cluster with Kubernetes ${n}, by running:\n    \n    minikube start -p ${profile}2 --kubernetes-version=v${n}\n    \n    3) Use the existing cluster at version Kubernetes ${o}, by running:\n    \n    minikube start${p} --kubernetes-version=v${o}\n    `,
    );
  }
  const options = {
    driver: flag(ctx.parsed, 'driver', existing?.driver ?? 'docker'),
    cpus: flag(ctx.parsed, 'cpus', existing?.cpus ?? '2'),
    memory: flag(ctx.parsed, 'memory', existing?.memory ?? '4000'),
    diskSize: flag(ctx.parsed, 'disk-size', existing?.diskSize ?? '20000mb'),
    kubernetesVersion: requested ?? existing?.kubernetesVersion ?? 'v1.31.0',
    nodes: Number(flag(ctx.parsed, 'nodes', existing?.nodes ?? 1)),
  };
  if (options.driver === 'docker' && ctx.config.dockerEngine === 'stopped') {
    ctx.fail(
      56,
      '❌  Exiting due to PROVIDER_DOCKER_NOT_RUNNING: "docker version --format -" exit status 1: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    );
  }
  const v = ctx.config.versions?.minikube ?? DEFAULT_VERSION;
  const endpoint = ctx.config.apiServer ?? DEFAULT_ENDPOINT;
  ctx.out(`😄  [${profile}] minikube ${v} on Debian 12 (fake)`);
  ctx.out(
    existing
      ? `✨  Using the ${options.driver} driver based on existing profile`
      : `✨  Using the ${options.driver} driver based on user configuration`,
  );
  ctx.out(
    `🔥  Creating ${options.driver} container (CPUs=${options.cpus}, Memory=${options.memory}MB) ...`,
  );
  ctx.out(
    `🐳  Preparing Kubernetes ${options.kubernetesVersion} on Docker ${ctx.config.versions?.docker ?? '27.3.1'} ...`,
  );
  ctx.state.saveCluster(profile, {
    ...existing,
    provider: 'minikube',
    name: profile,
    running: true,
    endpoint,
    ...options,
  });
  ctx.state.createNamespace(profile, 'default');
  ctx.state.createNamespace(profile, 'kube-system');
  // setupKubeconfig: the profile's cluster entry points at minikube's endpoint again.
  setClusterServer(ctx.kubeconfig, profile, endpoint);
  ctx.out(
    `🏄  Done! kubectl is now configured to use "${profile}" cluster and "default" namespace by default`,
  );
  return 0;
}

function stop(ctx, profile) {
  const cluster = ctx.state.cluster(profile);
  if (!cluster) return profileNotFound(ctx, profile);
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
  if (!cluster) return profileNotFound(ctx, profile);
  if (!cluster.running) {
    ctx.fail(
      EXIT_GUEST_UNAVAILABLE,
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
  const cluster = ctx.state.cluster(profile);
  const enabled = new Set(cluster?.addons ?? []);
  const data = Object.fromEntries(
    KNOWN_ADDONS.map((addon) => [
      addon,
      cluster ? { Profile: profile, Status: enabled.has(addon) ? 'enabled' : 'disabled' } : {},
    ]),
  );
  if (flag(ctx.parsed, 'output') === 'json') ctx.out(JSON.stringify(data));
  else
    for (const [addon, entry] of Object.entries(data))
      ctx.out(`│ ${addon} │ ${profile} │ ${entry.Status ?? ''} │`);
  return 0;
}

async function addonsEnable(ctx, profile, addon) {
  const failure = ctx.failure();
  if (failure) ctx.fail(failure.exitCode ?? 1, failure.stderr ?? 'injected failure');
  const loaded = requireRunning(ctx, profile);
  if (!KNOWN_ADDONS.includes(addon)) {
    ctx.fail(
      69,
      `❌  Exiting due to MK_ADDON_ENABLE: enable failed: run callbacks: ${addon} is not a valid addon`,
    );
  }
  // SetAndSave: config.Load, RunCallbacks (the slow part), config.Write of what was loaded.
  await ctx.sleep(ctx.delayMs());
  const latest = ctx.state.cluster(profile) ?? loaded;
  ctx.state.saveCluster(profile, {
    ...latest,
    addons: [...new Set([...(loaded.addons ?? []), addon])],
  });
  if (addon === 'ingress') ctx.out('🔎  Verifying ingress addon...');
  ctx.out(`🌟  The '${addon}' addon is enabled`);
  return 0;
}

function updateContext(ctx, profile) {
  const cluster = requireRunning(ctx, profile);
  const endpoint = cluster.endpoint ?? DEFAULT_ENDPOINT;
  const entry = (readKubeconfig(ctx.kubeconfig).clusters ?? []).find((c) => c.name === profile);
  if (entry?.cluster?.server === endpoint) {
    ctx.out(`💡  Current context is "${profile}"`);
    return 0;
  }
  setClusterServer(ctx.kubeconfig, profile, endpoint);
  ctx.out(`🎉  "${profile}" context has been updated to point to ${new URL(endpoint).host}`);
  return 0;
}

function profileList(ctx) {
  const valid = ctx.state
    .clusters()
    .filter((c) => c.provider === 'minikube')
    .map((c) => ({
      Name: c.name,
      Status: c.running ? 'OK' : 'Stopped',
      Config: {
        Name: c.name,
        Driver: c.driver,
        KubernetesConfig: { KubernetesVersion: c.kubernetesVersion, ContainerRuntime: 'docker' },
        Nodes: Array.from({ length: Math.max(1, Number(c.nodes ?? 1)) }, (_, i) => ({
          Name: i === 0 ? '' : `m${String(i + 1).padStart(2, '0')}`,
          IP: `192.168.49.${i + 2}`,
          Port: 8443,
          KubernetesVersion: c.kubernetesVersion,
          ControlPlane: i === 0,
          Worker: true,
        })),
      },
      Active: false,
    }));
  if (flag(ctx.parsed, 'output') !== 'json') {
    ctx.fail(2, 'fake minikube: profile list supports -o json only');
  }
  ctx.out(JSON.stringify({ invalid: [], valid }));
  return 0;
}

function ip(ctx, profile) {
  requireRunning(ctx, profile);
  ctx.out('192.168.49.2');
  return 0;
}
