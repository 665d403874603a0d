import { flag } from '../lib/args.mjs';
import { removeContext, upsertContext } from '../lib/kubeconfig.mjs';
import { normalizeRef } from '../lib/state.mjs';

export const DEFAULT_VERSION = 'v0.24.0';

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
  if (command === 'create' && sub === 'cluster') return create(ctx, name);
  if (command === 'delete' && sub === 'cluster') {
    ctx.state.deleteCluster(`kind-${name}`);
    removeContext(ctx.kubeconfig, `kind-${name}`);
    ctx.err(`Deleting cluster "${name}" ...`);
    return 0;
  }
  if (command === 'load' && sub === 'docker-image') return load(ctx, name, ref);
  ctx.fail(2, `fake kind: unsupported command: kind ${ctx.argv.join(' ')}`);
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
  const image = flag(ctx.parsed, 'image', 'kindest/node:v1.31.0');
  ctx.err(`Creating cluster "${name}" ...\n ✓ Ensuring node image (${image}) 🖼`);
  ctx.state.saveCluster(context, { provider: 'kind', name, running: true, image });
  ctx.state.createNamespace(context, 'default');
  upsertContext(ctx.kubeconfig, context, ctx.config.apiServer ?? 'https://127.0.0.1:6443');
  ctx.err(`Set kubectl context to "${context}"`);
  return 0;
}

function load(ctx, name, ref) {
  if (!ctx.state.cluster(`kind-${name}`))
    ctx.fail(1, `ERROR: no nodes found for cluster "${name}"`);
  const image = ctx.state.image('local', ref);
  if (!image) ctx.fail(1, `ERROR: image: "${ref}" not present locally`);
  ctx.state.saveImage(`kind/${name}`, { ...image, ref: normalizeRef(ref) });
  ctx.err(
    `Image: "${ref}" with ID "${image.id}" not yet present on node "${name}-control-plane", loading...`,
  );
  return 0;
}
