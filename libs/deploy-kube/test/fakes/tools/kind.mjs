/**
 * A fake `kind` (DEFAULT_VERSION) for the commands Pakaura runs. Sources of the answers, in
 * kubernetes-sigs/kind:
 *
 * - `get clusters`: names on stdout, or "No kind clusters found." logged (stderr) and exit 0
 *   (pkg/cmd/kind/get/clusters/clusters.go).
 * - `get kubeconfig --name`: the kubeconfig kind writes for the cluster, server
 *   https://127.0.0.1:<host port> (pkg/cmd/kind/get/kubeconfig/kubeconfig.go).
 * - `create cluster --config`: the node labels and extraPortMappings of a v1alpha4 Cluster config
 *   are kept on the fake cluster so a test can see them (pkg/apis/config/v1alpha4/types.go).
 * - `load docker-image`: `docker save` piped into the node's `ctr images import --all-platforms`.
 *   With Docker's containerd image store the saved archive references the whole image index
 *   while holding only the host platform's blobs, and the import fails with
 *   "ctr: content digest sha256:…: not found" (kubernetes-sigs/kind#3795, #3845 for the exact
 *   text, kind v0.26; pkg/cmd/kind/load/docker-image/docker-image.go,
 *   pkg/cluster/nodeutils/util.go LoadImageArchive).
 * - `load image-archive <tar>`: the same import from a file (pkg/cmd/kind/load/image-archive/
 *   image-archive.go); it fails the same way for an archive saved without `--platform` from the
 *   containerd store, and works for one saved with it (the workaround kind#3795 documents).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { flag } from '../lib/args.mjs';
import { removeContext, upsertContext } from '../lib/kubeconfig.mjs';
import { normalizeRef } from '../lib/state.mjs';

export const DEFAULT_VERSION = 'v0.24.0';
const DEFAULT_ENDPOINT = 'https://127.0.0.1:6443';

export const spec = {
  values: ['name', 'image', 'wait', 'config', 'kubeconfig', 'nodes'],
  aliases: { '-n': 'name' },
};

export async function run(ctx) {
  const [command, sub, ref] = ctx.parsed.positionals;
  const name = flag(ctx.parsed, 'name', 'kind');
  if (command === 'version') {
    ctx.out(`kind ${ctx.config.versions?.kind ?? DEFAULT_VERSION} go1.22.6 linux/amd64`);
    return 0;
  }
  if (command === 'get' && sub === 'clusters') {
    const names = ctx.state
      .clusters()
      .filter((c) => c.provider === 'kind')
      .map((c) => c.name);
    if (names.length === 0) ctx.err('No kind clusters found.');
    names.forEach((n) => ctx.out(n));
    return 0;
  }
  if (command === 'get' && sub === 'kubeconfig') return kubeconfig(ctx, name);
  if (command === 'create' && sub === 'cluster') return create(ctx, name);
  if (command === 'delete' && sub === 'cluster') {
    ctx.state.deleteCluster(`kind-${name}`);
    removeContext(ctx.kubeconfig, `kind-${name}`);
    ctx.err(`Deleting cluster "${name}" ...`);
    return 0;
  }
  if (command === 'load' && sub === 'docker-image') return loadDockerImage(ctx, name, ref);
  if (command === 'load' && sub === 'image-archive') return loadArchive(ctx, name, ref);
  ctx.fail(2, `fake kind: unsupported command: kind ${ctx.argv.join(' ')}`);
}

function requireCluster(ctx, name) {
  const cluster = ctx.state.cluster(`kind-${name}`);
  if (!cluster) ctx.fail(1, `ERROR: no nodes found for cluster "${name}"`);
  return cluster;
}

function kubeconfig(ctx, name) {
  const cluster = ctx.state.cluster(`kind-${name}`);
  if (!cluster) {
    ctx.fail(
      1,
      `ERROR: could not locate any control plane nodes for cluster named '${name}'. Use the --name option to select a different cluster`,
    );
  }
  const context = `kind-${name}`;
  ctx.out(
    [
      'apiVersion: v1',
      'clusters:',
      '- cluster:',
      '    certificate-authority-data: RkFLRQ==',
      `    server: ${cluster.endpoint ?? DEFAULT_ENDPOINT}`,
      `  name: ${context}`,
      'contexts:',
      '- context:',
      `    cluster: ${context}`,
      `    user: ${context}`,
      `  name: ${context}`,
      `current-context: ${context}`,
      'kind: Config',
      'preferences: {}',
      'users:',
      `- name: ${context}`,
      '  user:',
      '    client-certificate-data: RkFLRQ==',
      '    client-key-data: RkFLRQ==',
    ].join('\n'),
  );
  return 0;
}

function create(ctx, name) {
  const context = `kind-${name}`;
  if (ctx.state.cluster(context)) {
    ctx.fail(
      1,
      `ERROR: failed to create cluster: node(s) already exist for a cluster with the name "${name}"`,
    );
  }
  if (ctx.config.dockerEngine === 'stopped') {
    ctx.fail(
      1,
      'ERROR: failed to create cluster: failed to list nodes: command "docker ps" failed with error: exit status 1',
    );
  }
  const configFile = flag(ctx.parsed, 'config');
  let config;
  if (configFile) {
    if (!existsSync(configFile)) {
      ctx.fail(1, `ERROR: failed to create cluster: open ${configFile}: no such file or directory`);
    }
    config = parse(readFileSync(configFile, 'utf8'));
    if (config?.kind !== 'Cluster' || config?.apiVersion !== 'kind.x-k8s.io/v1alpha4') {
      ctx.fail(1, 'ERROR: failed to create cluster: unknown apiVersion or kind in the config');
    }
  }
  const image = flag(ctx.parsed, 'image', config?.nodes?.[0]?.image ?? 'kindest/node:v1.31.0');
  const endpoint = ctx.config.apiServer ?? DEFAULT_ENDPOINT;
  ctx.err(`Creating cluster "${name}" ...\n ✓ Ensuring node image (${image}) 🖼`);
  ctx.state.saveCluster(context, {
    provider: 'kind',
    name,
    running: true,
    image,
    endpoint,
    kubernetesVersion: image.split(':')[1]?.split('@')[0],
    nodes: config?.nodes ?? [{ role: 'control-plane' }],
  });
  ctx.state.createNamespace(context, 'default');
  removeContext(ctx.kubeconfig, context);
  upsertContext(ctx.kubeconfig, context, endpoint);
  ctx.err(`Set kubectl context to "${context}"`);
  return 0;
}

const IMPORT = (name) =>
  `docker exec --privileged -i ${name}-control-plane ctr --namespace=k8s.io images import --all-platforms --digests --snapshotter=overlayfs -`;

function importFails(ctx, name, image, wrap) {
  ctx.fail(
    1,
    `ERROR: ${wrap}command "${IMPORT(name)}" failed with error: exit status 1\nCommand Output: ctr: content digest ${image.id.replace(/^sha256:/, 'sha256:0')}: not found`,
  );
}

function loadDockerImage(ctx, name, ref) {
  requireCluster(ctx, name);
  const image = ctx.state.image('local', ref);
  if (!image) ctx.fail(1, `ERROR: image: "${ref}" not present locally`);
  ctx.err(
    `Image: "${ref}" with ID "${image.id}" not yet present on node "${name}-control-plane", loading...`,
  );
  if (ctx.config.imageStore === 'containerd')
    importFails(ctx, name, image, 'failed to load image: ');
  ctx.state.saveImage(`kind/${name}`, { ...image, ref: normalizeRef(ref) });
  return 0;
}

/** The fake `docker image save` writes JSON: the images and whether it kept one platform only. */
function loadArchive(ctx, name, file) {
  if (!file) ctx.fail(1, 'ERROR: name of image archive is required');
  if (!existsSync(file)) ctx.fail(1, `ERROR: stat ${file}: no such file or directory`);
  requireCluster(ctx, name);
  const archive = JSON.parse(readFileSync(file, 'utf8'));
  for (const image of archive.images) {
    if (archive.wholeIndex) importFails(ctx, name, image, '');
    ctx.state.saveImage(`kind/${name}`, { ...image, ref: normalizeRef(image.ref) });
  }
  return 0;
}
