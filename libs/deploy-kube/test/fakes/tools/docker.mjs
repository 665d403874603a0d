import { createHash } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { flag, flagAll } from '../lib/args.mjs';
import { renderTemplate } from '../lib/template.mjs';
import { normalizeRef } from '../lib/state.mjs';

export const DEFAULT_VERSION = '27.3.1';

export const spec = {
  values: [
    'tag',
    'file',
    'build-arg',
    'label',
    'format',
    'platform',
    'target',
    'network',
    'progress',
    'output',
    'cache-from',
    'iidfile',
    'host',
    'context',
    'type',
    'filter',
  ],
  aliases: { '-t': 'tag', '-f': 'file', '-H': 'host', '-o': 'output' },
};

/**
 * Which daemon a call talks to: minikube's when `minikube docker-env` was applied
 * (MINIKUBE_ACTIVE_DOCKERD), another host when DOCKER_HOST points elsewhere, else the local one.
 */
export function daemonOf(env) {
  if (env.MINIKUBE_ACTIVE_DOCKERD) return `minikube/${env.MINIKUBE_ACTIVE_DOCKERD}`;
  if (env.DOCKER_HOST) return `host/${encodeURIComponent(env.DOCKER_HOST)}`;
  return 'local';
}

export async function run(ctx) {
  const { positionals } = ctx.parsed;
  const [command, sub] = positionals;
  if (command === 'version' || ctx.argv[0] === '--version' || ctx.argv[0] === '-v') {
    return version(ctx);
  }
  const daemon = daemonOf(ctx.env);
  requireDaemon(ctx, daemon);
  if (command === 'info') return info(ctx, daemon);
  if (command === 'build' || (command === 'image' && sub === 'build')) return build(ctx, daemon);
  if (command === 'image' && sub === 'inspect') return inspect(ctx, daemon, positionals.slice(2));
  if (command === 'inspect') return inspect(ctx, daemon, positionals.slice(1));
  if (command === 'images' || (command === 'image' && (sub === 'ls' || sub === 'list'))) {
    return list(ctx, daemon);
  }
  if (command === 'tag' || (command === 'image' && sub === 'tag')) {
    const [source, target] = positionals.slice(command === 'tag' ? 1 : 2);
    return tag(ctx, daemon, source, target);
  }
  if (command === 'push' || (command === 'image' && sub === 'push')) {
    return push(ctx, daemon, positionals[command === 'push' ? 1 : 2]);
  }
  if (command === 'rmi' || (command === 'image' && (sub === 'rm' || sub === 'remove'))) {
    for (const ref of positionals.slice(command === 'rmi' ? 1 : 2)) {
      if (!ctx.state.image(daemon, ref))
        ctx.fail(1, `Error response from daemon: No such image: ${ref}`);
      ctx.state.removeImage(daemon, ref);
      ctx.out(`Untagged: ${normalizeRef(ref)}`);
    }
    return 0;
  }
  if (command === 'save' || (command === 'image' && sub === 'save')) {
    return save(ctx, daemon, positionals.slice(command === 'save' ? 1 : 2));
  }
  if (command === 'manifest' && sub === 'inspect') return manifestInspect(ctx, positionals[2]);
  if (command === 'exec') return execInNode(ctx, positionals.slice(1));
  ctx.fail(2, `fake docker: unsupported command: docker ${ctx.argv.join(' ')}`);
}

function version(ctx) {
  const client = ctx.config.versions?.docker ?? DEFAULT_VERSION;
  if (ctx.argv[0] === '--version' || ctx.argv[0] === '-v') {
    ctx.out(`Docker version ${client}, build fake000`);
    return 0;
  }
  const engineUp = ctx.config.dockerEngine !== 'stopped';
  const data = {
    Client: { Version: client, ApiVersion: '1.47', Os: 'linux', Arch: 'amd64' },
    Server: engineUp ? { Version: client, ApiVersion: '1.47', Os: 'linux', Arch: 'amd64' } : null,
  };
  const format = flag(ctx.parsed, 'format');
  if (format) {
    if (!engineUp && format.includes('.Server')) {
      ctx.out(renderTemplate(format, { ...data, Server: {} }));
      ctx.fail(1, daemonDownMessage('local'));
    }
    ctx.out(renderTemplate(format === 'json' ? '{{json .}}' : format, data));
    return 0;
  }
  ctx.out(`Client:\n Version:           ${client}\n API version:       1.47`);
  if (!engineUp) ctx.fail(1, daemonDownMessage('local'));
  ctx.out(`\nServer:\n Engine:\n  Version:          ${client}`);
  return 0;
}

function requireDaemon(ctx, daemon) {
  if (daemon === 'local') {
    if (ctx.config.dockerEngine === 'stopped') ctx.fail(1, daemonDownMessage(daemon));
    return;
  }
  if (daemon.startsWith('minikube/')) {
    const profile = daemon.slice('minikube/'.length);
    if (!ctx.state.cluster(profile)?.running) ctx.fail(1, daemonDownMessage(daemon, ctx.env));
  }
}

function daemonDownMessage(daemon, env = {}) {
  const where = daemon === 'local' ? 'unix:///var/run/docker.sock' : env.DOCKER_HOST;
  return `Cannot connect to the Docker daemon at ${where}. Is the docker daemon running?`;
}

function info(ctx, daemon) {
  const name = daemon.startsWith('minikube/') ? daemon.slice('minikube/'.length) : 'fake-host';
  const data = {
    Name: name,
    ServerVersion: ctx.config.versions?.docker ?? DEFAULT_VERSION,
    // `docker info` of Docker 27: the containerd image store reports its snapshotter here
    // (docs.docker.com/engine/storage/containerd; `Storage Driver: overlayfs, driver-type:
    // io.containerd.snapshotter.v1`), the classic store its overlay2 details.
    DriverStatus:
      ctx.config.imageStore === 'containerd'
        ? [['driver-type', 'io.containerd.snapshotter.v1']]
        : [
            ['Backing Filesystem', 'extfs'],
            ['Supports d_type', 'true'],
            ['Using metacopy', 'false'],
            ['Native Overlay Diff', 'true'],
            ['userxattr', 'false'],
          ],
  };
  const format = flag(ctx.parsed, 'format');
  ctx.out(
    format
      ? renderTemplate(format, data)
      : `Name: ${data.Name}\nServer Version: ${data.ServerVersion}`,
  );
  return 0;
}

function build(ctx, daemon) {
  const positionals = ctx.parsed.positionals;
  const contextArg = positionals[positionals[0] === 'image' ? 2 : 1];
  if (!contextArg) ctx.fail(1, 'ERROR: "docker buildx build" requires exactly 1 argument.');
  const contextDir = resolve(contextArg);
  if (!existsSync(contextDir) || !statSync(contextDir).isDirectory()) {
    ctx.fail(1, `ERROR: unable to prepare context: path "${contextArg}" not found`);
  }
  const fileArg = flag(ctx.parsed, 'file', 'Dockerfile');
  const dockerfile = isAbsolute(fileArg)
    ? fileArg
    : resolve(flag(ctx.parsed, 'file') ? '.' : contextDir, fileArg);
  if (!existsSync(dockerfile)) {
    ctx.fail(
      1,
      `ERROR: failed to solve: failed to read dockerfile: open ${fileArg}: no such file or directory`,
    );
  }
  const tags = flagAll(ctx.parsed, 'tag');
  const buildArgs = Object.fromEntries(flagAll(ctx.parsed, 'build-arg').map(splitPair));
  const labels = Object.fromEntries(flagAll(ctx.parsed, 'label').map(splitPair));
  const id = `sha256:${sha256(JSON.stringify({ dockerfile, contextDir, buildArgs, labels }))}`;
  ctx.err(
    `#0 building with "default" instance using docker driver\n#1 [internal] load build definition from ${fileArg}`,
  );
  for (const ref of tags) {
    ctx.state.saveImage(daemon, {
      ref,
      id,
      created: new Date().toISOString(),
      size: 123_456_789,
      labels,
      buildArgs,
      dockerfile,
      context: contextDir,
    });
    ctx.err(`#9 naming to docker.io/library/${normalizeRef(ref)} done`);
  }
  return 0;
}

function inspect(ctx, daemon, refs) {
  if (flag(ctx.parsed, 'type') && flag(ctx.parsed, 'type') !== 'image') {
    ctx.fail(2, `fake docker: unsupported inspect --type ${flag(ctx.parsed, 'type')}`);
  }
  const found = [];
  const missing = [];
  for (const ref of refs) {
    const image = ctx.state.image(daemon, ref);
    if (image) found.push(asInspect(image, ctx.state.images(daemon)));
    else missing.push(ref);
  }
  const format = flag(ctx.parsed, 'format');
  if (format) found.forEach((image) => ctx.out(renderTemplate(format, image)));
  else ctx.out(JSON.stringify(found, null, 4));
  if (missing.length > 0) {
    ctx.fail(
      1,
      missing.map((ref) => `Error response from daemon: No such image: ${ref}`).join('\n'),
    );
  }
  return 0;
}

function asInspect(image, all) {
  return {
    Id: image.id,
    RepoTags: all.filter((other) => other.id === image.id).map((other) => other.ref),
    RepoDigests: [],
    Created: image.created,
    Size: image.size,
    Os: 'linux',
    Architecture: 'amd64',
    Config: { Labels: image.labels ?? {} },
  };
}

function list(ctx, daemon) {
  const filterRepo = ctx.parsed.positionals.find((p, i) => i > 0 && p !== 'ls' && p !== 'list');
  const rows = ctx.state
    .images(daemon)
    .map((image) => {
      const at = image.ref.lastIndexOf(':');
      return {
        Repository: image.ref.slice(0, at),
        Tag: image.ref.slice(at + 1),
        ID: image.id.slice('sha256:'.length, 'sha256:'.length + 12),
        CreatedAt: image.created,
        Size: `${Math.round(image.size / 1e6)}MB`,
      };
    })
    .filter((row) => !filterRepo || `${row.Repository}:${row.Tag}`.startsWith(filterRepo));
  const format = flag(ctx.parsed, 'format');
  if (format) rows.forEach((row) => ctx.out(renderTemplate(format, row)));
  else {
    ctx.out('REPOSITORY          TAG       IMAGE ID       CREATED   SIZE');
    rows.forEach((r) => ctx.out(`${r.Repository}  ${r.Tag}  ${r.ID}  ${r.CreatedAt}  ${r.Size}`));
  }
  return 0;
}

function tag(ctx, daemon, source, target) {
  const image = ctx.state.image(daemon, source);
  if (!image) ctx.fail(1, `Error response from daemon: No such image: ${source}`);
  ctx.state.saveImage(daemon, { ...image, ref: target });
  return 0;
}

function push(ctx, daemon, ref) {
  const image = ctx.state.image(daemon, ref);
  if (!image) ctx.fail(1, `An image does not exist locally with the tag: ${ref}`);
  const host = registryHost(ref);
  if (!host) ctx.fail(1, 'denied: requested access to the resource is denied');
  ctx.state.saveImage(`registry/${encodeURIComponent(host)}`, image);
  const normalized = normalizeRef(ref);
  ctx.out(`The push refers to repository [${normalized.slice(0, normalized.lastIndexOf(':'))}]`);
  ctx.out(`${normalized.slice(normalized.lastIndexOf(':') + 1)}: digest: ${image.id} size: 1234`);
  return 0;
}

function manifestInspect(ctx, ref) {
  const host = registryHost(ref ?? '');
  const image = host && ctx.state.image(`registry/${encodeURIComponent(host)}`, ref);
  if (!image) ctx.fail(1, `no such manifest: ${ref}`);
  ctx.out(JSON.stringify({ schemaVersion: 2, config: { digest: image.id } }, null, 3));
  return 0;
}

/**
 * `docker image save -o <file> [--platform os/arch] <ref>...`. The fake archive is JSON: the images,
 * and `wholeIndex` when the containerd image store saved the whole image index without
 * `--platform` (what makes kind's `ctr images import --all-platforms` fail, kind#3795).
 */
function save(ctx, daemon, refs) {
  const output = flag(ctx.parsed, 'output');
  if (!output) ctx.fail(1, 'cowardly refusing to save to a terminal. Use the -o flag or redirect');
  const images = refs.map((ref) => {
    const image = ctx.state.image(daemon, ref);
    if (!image) ctx.fail(1, `Error response from daemon: reference does not exist`);
    return image;
  });
  const wholeIndex = ctx.config.imageStore === 'containerd' && !flag(ctx.parsed, 'platform');
  writeFileSync(output, JSON.stringify({ images, wholeIndex }));
  return 0;
}

/** `docker exec <cluster>-control-plane crictl inspecti|rmi <ref>`: how one asks a kind node for an image. */
function execInNode(ctx, args) {
  const [container, program, verb, ref] = args;
  const cluster = container?.endsWith('-control-plane')
    ? container.slice(0, -'-control-plane'.length)
    : undefined;
  if (!cluster || !ctx.state.cluster(`kind-${cluster}`)) {
    ctx.fail(1, `Error response from daemon: No such container: ${container}`);
  }
  if (program !== 'crictl' || (verb !== 'inspecti' && verb !== 'rmi')) {
    ctx.fail(2, `fake docker: unsupported exec: ${args.join(' ')}`);
  }
  const short = ref.replace(/^docker\.io\/library\//, '');
  const image = ctx.state.image(`kind/${cluster}`, short);
  if (!image) ctx.fail(1, `FATA[0000] no such image "${ref}" present`);
  if (verb === 'rmi') {
    ctx.state.removeImage(`kind/${cluster}`, short);
    ctx.out(`Deleted: ${ref}`);
    return 0;
  }
  ctx.out(JSON.stringify({ status: { id: image.id, repoTags: [image.ref] } }, null, 2));
  return 0;
}

/** The registry host of a reference, or undefined for Docker Hub names (`pakaura-api`). */
export function registryHost(ref) {
  const first = ref.split('/')[0];
  if (!ref.includes('/')) return undefined;
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
}

function splitPair(text) {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, ''] : [text.slice(0, eq), text.slice(eq + 1)];
}

function sha256(text) {
  return createHash('sha256').update(text).digest('hex');
}
