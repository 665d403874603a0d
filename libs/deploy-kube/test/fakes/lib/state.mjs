import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** Directory holding the fake world (clusters, daemons, releases) and the test's knobs. */
export const STATE_ENV = 'PAKAURA_FAKE_STATE';
/** File the fakes append one JSON line per invocation to. */
export const LOG_ENV = 'PAKAURA_FAKE_LOG';

/**
 * The fake world, one small JSON file per entity so that fakes running in parallel (two addons
 * enabled at once, two images built at once) never overwrite each other's changes:
 *
 *   config.json                          knobs a test sets (versions, failures, delays)
 *   clusters/<context>.json              a cluster, keyed by its kube context name
 *   (a cluster's enabled addons live in its own file, as minikube keeps them in the profile's
 *   config.json, so two concurrent `addons enable` can lose one: see tools/minikube.mjs)
 *   images/<daemon>/<ref>.json           an image in a Docker daemon, kind node or registry
 *   namespaces/<context>/<namespace>     a namespace that exists
 *   releases/<context>/<ns>/<name>.json  a Helm release with its revisions
 */
export class FakeState {
  /** @param {string} dir */
  constructor(dir) {
    this.dir = dir;
  }

  static fromEnv(env = process.env) {
    const dir = env[STATE_ENV];
    if (!dir) throw new Error(`fake tools: ${STATE_ENV} is not set (use createFakeSandbox)`);
    return new FakeState(dir);
  }

  config() {
    return readJson(join(this.dir, 'config.json'), {});
  }

  configure(patch) {
    writeJson(join(this.dir, 'config.json'), { ...this.config(), ...patch });
  }

  cluster(context) {
    return readJson(join(this.dir, 'clusters', `${encode(context)}.json`), undefined);
  }

  saveCluster(context, cluster) {
    writeJson(join(this.dir, 'clusters', `${encode(context)}.json`), cluster);
  }

  deleteCluster(context) {
    rmSync(join(this.dir, 'clusters', `${encode(context)}.json`), { force: true });
    rmSync(join(this.dir, 'namespaces', encode(context)), { recursive: true, force: true });
    rmSync(join(this.dir, 'releases', encode(context)), { recursive: true, force: true });
  }

  clusters() {
    return listNames(join(this.dir, 'clusters'), '.json').map((c) => this.cluster(c));
  }

  addons(context) {
    return [...(this.cluster(context)?.addons ?? [])].sort();
  }

  /** Read-modify-write of the cluster's file: only safe when nothing else writes it meanwhile. */
  enableAddon(context, addon) {
    const cluster = this.cluster(context);
    if (!cluster) throw new Error(`fake state: no cluster ${context}`);
    this.saveCluster(context, {
      ...cluster,
      addons: [...new Set([...(cluster.addons ?? []), addon])],
    });
  }

  images(daemon) {
    return listNames(join(this.dir, 'images', daemon), '.json').map((ref) =>
      this.image(daemon, ref),
    );
  }

  image(daemon, ref) {
    return readJson(
      join(this.dir, 'images', daemon, `${encode(normalizeRef(ref))}.json`),
      undefined,
    );
  }

  saveImage(daemon, image) {
    const ref = normalizeRef(image.ref);
    writeJson(join(this.dir, 'images', daemon, `${encode(ref)}.json`), { ...image, ref });
  }

  removeImage(daemon, ref) {
    rmSync(join(this.dir, 'images', daemon, `${encode(normalizeRef(ref))}.json`), { force: true });
  }

  namespaces(context) {
    return listNames(join(this.dir, 'namespaces', encode(context)));
  }

  createNamespace(context, namespace) {
    touch(join(this.dir, 'namespaces', encode(context), encode(namespace)));
  }

  deleteNamespace(context, namespace) {
    rmSync(join(this.dir, 'namespaces', encode(context), encode(namespace)), { force: true });
    rmSync(join(this.dir, 'releases', encode(context), encode(namespace)), {
      recursive: true,
      force: true,
    });
  }

  release(context, namespace, name) {
    return readJson(this.#releaseFile(context, namespace, name), undefined);
  }

  saveRelease(context, release) {
    writeJson(this.#releaseFile(context, release.namespace, release.name), release);
  }

  deleteRelease(context, namespace, name) {
    rmSync(this.#releaseFile(context, namespace, name), { force: true });
  }

  releases(context, namespace) {
    const root = join(this.dir, 'releases', encode(context));
    const namespaces = namespace ? [encode(namespace)] : listNames(root).map(encode);
    return namespaces.flatMap((ns) =>
      listNames(join(root, ns), '.json').map((name) =>
        readJson(join(root, ns, `${encode(name)}.json`)),
      ),
    );
  }

  /** Counts how often a knob fired, so `times` can limit a failure to the first N calls. */
  bump(key) {
    const file = join(this.dir, 'counters.json');
    const counters = readJson(file, {});
    counters[key] = (counters[key] ?? 0) + 1;
    writeJson(file, counters);
    return counters[key];
  }

  #releaseFile(context, namespace, name) {
    return join(this.dir, 'releases', encode(context), encode(namespace), `${encode(name)}.json`);
  }
}

/** `pakaura-api` → `pakaura-api:latest`, as Docker reads a reference without a tag. */
export function normalizeRef(ref) {
  const lastSlash = ref.lastIndexOf('/');
  return ref.slice(lastSlash + 1).includes(':') || ref.includes('@') ? ref : `${ref}:latest`;
}

/** Appends one invocation to the log named by PAKAURA_FAKE_LOG (no-op when unset). */
export function logCall(entry, env = process.env) {
  const file = env[LOG_ENV];
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** Reads the log back: one object per invocation, in the order they finished. */
export function readCalls(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

export function readJson(file, fallback) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return fallback;
    throw error;
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export function writeJson(file, value) {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  writeFileSync(partial, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(partial, file);
}

function touch(file) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
}

function listNames(dir, suffix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix) && !f.endsWith('.partial'))
    .map((f) => decodeURIComponent(f.slice(0, f.length - suffix.length)))
    .sort();
}

function encode(name) {
  return encodeURIComponent(name);
}
