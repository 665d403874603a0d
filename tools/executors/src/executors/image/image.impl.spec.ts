import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { logger, type ExecutorContext } from '@nx/devkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeSandbox,
  type FakeSandbox,
  type FakeSandboxOptions,
} from '@pakaura/deploy-kube/testing';
import imageExecutor from './image.impl';
import type { ImageExecutorSchema } from './schema';

const DOCKERFILE = 'ARG NODE_IMAGE=node:22-alpine\nFROM ${NODE_IMAGE}\nCOPY dist/apps/app /app\n';
const FILES: Record<string, string> = {
  '.gitignore': 'dist/\nnode_modules/\n',
  'package-lock.json': '{"lockfileVersion":3}\n',
  'tsconfig.base.json': '{}\n',
  'apps/api-container/Dockerfile': DOCKERFILE,
  'apps/api-container/Dockerfile.dockerignore': '*\n!dist/apps/api-container\n',
  'apps/api-container/src/main.ts': 'export const port = 8000;\n',
  'apps/frontend/Dockerfile': DOCKERFILE,
  'apps/frontend/app/page.tsx': 'export default function Page() { return null; }\n',
  'libs/contract/src/index.ts': 'export const APP_VERSION = "4.0.0";\n',
  'dist/apps/api-container/main.js': 'console.log("api");\n',
};

function project(name: string, root: string, output: string) {
  return { name, type: 'app', data: { root, targets: { build: { outputs: [output] } } } };
}

/** A workspace shaped like the real one, with the Nx context the executor receives. */
function workspace(): { root: string; context: ExecutorContext } {
  const root = mkdtempSync(join(tmpdir(), 'pakaura-image-ws-'));
  for (const [file, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  const projectGraph = {
    nodes: {
      'api-container': project(
        'api-container',
        'apps/api-container',
        '{workspaceRoot}/dist/apps/api-container',
      ),
      frontend: project('frontend', 'apps/frontend', '{projectRoot}/.next/!(cache)/**/*'),
      contract: { name: 'contract', type: 'lib', data: { root: 'libs/contract' } },
    },
    dependencies: {
      'api-container': [{ source: 'api-container', target: 'contract', type: 'static' }],
      frontend: [{ source: 'frontend', target: 'contract', type: 'static' }],
      contract: [],
    },
  };
  const nxJsonConfiguration = {
    namedInputs: {
      production: [
        '{projectRoot}/**/*',
        '{workspaceRoot}/package-lock.json',
        '!{projectRoot}/**/*.spec.ts',
      ],
    },
  };
  const context = {
    root,
    cwd: root,
    isVerbose: false,
    projectName: 'api-container',
    projectGraph,
    nxJsonConfiguration,
    projectsConfigurations: { version: 2, projects: {} },
  } as unknown as ExecutorContext;
  return { root, context };
}

describe('image executor', () => {
  let sandbox: FakeSandbox;
  let restore: () => void;
  let ws: { root: string; context: ExecutorContext };
  let errors: string[];

  function useSandbox(options: FakeSandboxOptions = {}): void {
    sandbox = createFakeSandbox(options);
    restore = sandbox.apply();
  }

  beforeEach(() => {
    ws = workspace();
    errors = [];
    vi.spyOn(logger, 'info').mockImplementation(() => undefined);
    vi.spyOn(logger, 'error').mockImplementation((message: unknown) => {
      errors.push(String(message));
    });
  });
  afterEach(() => {
    restore?.();
    sandbox?.dispose();
    rmSync(ws.root, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  const runExecutor = (options: Partial<ImageExecutorSchema> = {}, context = ws.context) =>
    imageExecutor({ app: 'api', ...options }, context);
  const record = () =>
    JSON.parse(readFileSync(join(ws.root, 'dist/images/api.json'), 'utf8')) as Record<
      string,
      string
    >;
  const builds = () => sandbox.calls('docker').filter((call) => call.args[0] === 'build');

  it("builds into minikube's daemon and records the content tag for the deploy step", async () => {
    useSandbox();
    await sandbox.exec('minikube', ['start']);
    expect(await runExecutor()).toEqual({ success: true });
    const { tag, contentHash } = record();
    expect(tag).toMatch(/^4\.0\.0-[0-9a-f]{12}$/);
    expect(record()).toEqual({
      app: 'api',
      repository: 'pakaura-api',
      tag,
      contentHash,
      target: 'minikube',
    });
    expect(sandbox.state.image('minikube/minikube', `pakaura-api:${tag}`)?.labels).toMatchObject({
      'dev.pakaura.content-hash': contentHash,
    });
    expect(sandbox.state.image('minikube/minikube', 'pakaura-api:4.0.0')).toBeDefined();
    expect(sandbox.state.image('local', `pakaura-api:${tag}`)).toBeUndefined();
  });

  it('skips the build when the target already has the content tag', async () => {
    useSandbox();
    await sandbox.exec('minikube', ['start']);
    await runExecutor();
    sandbox.clearCalls();
    expect(await runExecutor()).toEqual({ success: true });
    expect(builds()).toEqual([]);
    expect(sandbox.calls('docker').map((call) => call.args[0])).toEqual(['image', 'tag']);
  });

  it("builds a new tag after a change to the app's sources, not after one to the other app", async () => {
    useSandbox();
    await runExecutor({ target: 'docker' });
    const first = record().tag;
    appendFileSync(join(ws.root, 'apps/frontend/app/page.tsx'), '// restyled\n');
    await runExecutor({ target: 'docker' });
    expect(record().tag).toBe(first);
    expect(builds()).toHaveLength(1);
    appendFileSync(join(ws.root, 'apps/api-container/src/main.ts'), '// one more line\n');
    await runExecutor({ target: 'docker' });
    expect(record().tag).not.toBe(first);
    expect(builds()).toHaveLength(2);
  });

  it('builds with the base image from PAKAURA_NODE_IMAGE, which is part of the tag', async () => {
    useSandbox();
    await runExecutor({ target: 'docker' });
    const official = record().tag;
    process.env['PAKAURA_NODE_IMAGE'] = 'pakaura-node-base:22';
    try {
      await runExecutor({ target: 'docker' });
    } finally {
      delete process.env['PAKAURA_NODE_IMAGE'];
    }
    expect(record().tag).not.toBe(official);
    expect(builds().at(-1)?.args).toContain('NODE_IMAGE=pakaura-node-base:22');
  });

  it('pushes a fully qualified image to a registry and records the qualified repository', async () => {
    useSandbox();
    expect(await runExecutor({ target: 'registry', registry: 'localhost:5000' })).toEqual({
      success: true,
    });
    const { tag } = record();
    expect(record()).toMatchObject({
      repository: 'localhost:5000/pakaura-api',
      target: 'registry',
    });
    const registry = `registry/${encodeURIComponent('localhost:5000')}`;
    expect(sandbox.state.image(registry, `localhost:5000/pakaura-api:${tag}`)).toBeDefined();
    expect(sandbox.state.image(registry, 'localhost:5000/pakaura-api:4.0.0')).toBeDefined();
  });

  it('loads the image into a kind cluster, and skips when the node has it', async () => {
    useSandbox();
    await sandbox.exec('kind', ['create', 'cluster', '--name', 'kind']);
    expect(await runExecutor({ target: 'kind' })).toEqual({ success: true });
    expect(sandbox.state.image('kind/kind', `pakaura-api:${record().tag}`)).toBeDefined();
    sandbox.clearCalls();
    await runExecutor({ target: 'kind' });
    expect(builds()).toEqual([]);
    expect(sandbox.calls('kind')).toEqual([]);
  });

  it('says how to get Docker when it is not installed', async () => {
    useSandbox({ tools: ['minikube'], inheritPath: false });
    expect(await runExecutor({ target: 'docker' })).toEqual({ success: false });
    expect(errors).toEqual([
      'docker was not found on PATH. Install Docker Engine 24+ (https://docs.docker.com/engine/install/) and start it.',
    ]);
  });

  it('names a Docker engine that does not answer', async () => {
    useSandbox({ config: { dockerEngine: 'stopped' } });
    expect(await runExecutor({ target: 'docker' })).toEqual({ success: false });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^The Docker engine did not answer: Cannot connect to the Docker daemon/,
    );
  });

  it('names the missing build output before Docker starts', async () => {
    useSandbox();
    rmSync(join(ws.root, 'dist/apps/api-container'), { recursive: true });
    expect(await runExecutor({ target: 'docker' })).toEqual({ success: false });
    expect(errors).toEqual([
      "dist/apps/api-container does not exist: the image copies the app's build output; run nx run api-container:build first.",
    ]);
    expect(builds()).toEqual([]);
  });

  it("ends a failing build with one line: BuildKit's error", async () => {
    useSandbox({
      config: {
        failures: [
          {
            tool: 'docker',
            command: 'build',
            stderr:
              '#9 [builder 3/4] RUN npm ci\n#9 ERROR: exit code: 1\nerror: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
          },
        ],
      },
    });
    expect(await runExecutor({ target: 'docker' })).toEqual({ success: false });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^docker build of pakaura-api:4\.0\.0-[0-9a-f]{12} failed: failed to solve: process "\/bin\/sh -c npm ci" did not complete successfully: exit code: 1$/,
    );
  });

  it('rejects options that cannot work before running any program', async () => {
    useSandbox();
    expect(await runExecutor({ target: 'registry' })).toEqual({ success: false });
    expect(errors).toEqual([
      'target registry needs a registry: pass --registry=localhost:5000 or set PAKAURA_REGISTRY.',
    ]);
    expect(sandbox.calls()).toEqual([]);
  });
});
