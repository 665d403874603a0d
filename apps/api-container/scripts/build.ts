import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createProjectGraphAsync, type ProjectGraph } from '@nx/devkit';
import { generatePrunedDeployOutput } from '@nx/js';
import { build, type Metafile } from 'esbuild';
import { APP_VERSION } from '@pakaura/contract';

/**
 * Packages left out of the bundle and installed beside it instead, each for a reason:
 * PGlite loads its WebAssembly and data files from its own folder; swagger-ui serves its
 * static files from its own folder.
 */
export const RUNTIME_EXTERNALS = ['@electric-sql/pglite', '@fastify/swagger-ui'] as const;

/** Optional modules some bundled packages `require` lazily and the API never reaches. */
const NEVER_LOADED = ['pg-native', '@aws-sdk/*', '@aws-crypto/*', '@smithy/*'];

export interface BuildOptions {
  workspaceRoot: string;
  /** Where the self-contained folder goes (emptied first). */
  outDir: string;
  /** The project graph for the lockfile; computed when not given. */
  graph?: ProjectGraph;
}

export interface BuildReport {
  outDir: string;
  /** Bundle sizes in bytes. */
  bundles: Record<'main.js' | 'migrate.js', number>;
  dependencies: Record<string, string>;
}

/**
 * Builds `dist/apps/api-container/`: `main.js` (server) and `migrate.js` bundled by esbuild
 * with the workspace libraries inlined, the migrations folder, and a minimal package.json +
 * package-lock.json for the packages that stay external.
 */
export async function buildApi(options: BuildOptions): Promise<BuildReport> {
  const { workspaceRoot, outDir } = options;
  const projectRoot = join(workspaceRoot, 'apps', 'api-container');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  const result = await build({
    entryPoints: {
      main: join(projectRoot, 'src', 'server.ts'),
      migrate: join(projectRoot, 'src', 'migrate.ts'),
    },
    outdir: outDir,
    absWorkingDir: workspaceRoot,
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    format: 'cjs',
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'linked',
    tsconfig: join(projectRoot, 'tsconfig.app.json'),
    external: [...RUNTIME_EXTERNALS, ...NEVER_LOADED],
    metafile: true,
    logLevel: 'silent',
  });
  if (result.warnings.length > 0) {
    throw new Error(`esbuild warned: ${result.warnings.map((w) => w.text).join('; ')}`);
  }

  await cp(join(projectRoot, 'migrations'), join(outDir, 'migrations'), { recursive: true });

  const rootManifest = JSON.parse(await readFile(join(workspaceRoot, 'package.json'), 'utf8'));
  const dependencies = pinnedVersions(rootManifest.dependencies ?? {}, RUNTIME_EXTERNALS);
  const manifest = {
    name: '@pakaura/api',
    version: APP_VERSION,
    private: true,
    description: 'Pakaura API, bundled: node main.js serves, node migrate.js migrates',
    main: 'main.js',
    scripts: { start: 'node main.js', migrate: 'node migrate.js' },
    engines: rootManifest.engines,
    dependencies,
  };
  const graph = options.graph ?? (await createProjectGraphAsync({ exitOnError: false }));
  // Writes package-lock.json pruned to the manifest's dependencies; may adjust the manifest,
  // so the manifest is written after it.
  generatePrunedDeployOutput(manifest, graph, relative(workspaceRoot, projectRoot), {
    outputDirectory: outDir,
    packageManager: 'npm',
    workspaceRoot,
  });
  await writeFile(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  return { outDir, bundles: bundleSizes(result.metafile, outDir, workspaceRoot), dependencies };
}

/** The workspace's exact version of each external: the lockfile and the bundle agree. */
export function pinnedVersions(
  workspaceDependencies: Record<string, string>,
  names: readonly string[],
): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const version = workspaceDependencies[name];
      if (!version) {
        throw new Error(
          `${name} is not in the root package.json dependencies; add it with npm install --save-exact`,
        );
      }
      return [name, version];
    }),
  );
}

function bundleSizes(metafile: Metafile, outDir: string, cwd: string): BuildReport['bundles'] {
  const size = (file: string) => metafile.outputs[relative(cwd, join(outDir, file))]?.bytes ?? 0;
  return { 'main.js': size('main.js'), 'migrate.js': size('migrate.js') };
}

if (require.main === module) {
  const workspaceRoot = process.cwd();
  buildApi({ workspaceRoot, outDir: join(workspaceRoot, 'dist', 'apps', 'api-container') }).then(
    (report) => {
      const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
      console.log(
        `Built ${relative(workspaceRoot, report.outDir)}: main.js ${kib(report.bundles['main.js'])}, migrate.js ${kib(report.bundles['migrate.js'])}, external: ${Object.keys(report.dependencies).join(', ')}`,
      );
    },
    (error: unknown) => {
      console.error(`api-container build failed: ${(error as Error).message.split('\n')[0]}`);
      process.exitCode = 1;
    },
  );
}
