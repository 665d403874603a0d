import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  baseImageOf,
  dependencyClosure,
  buildInputs,
  resolveImageInputs,
  type GraphLike,
} from './image-inputs';

const repoRoot = join(__dirname, '../../../..');

function node(name: string, root: string) {
  return { name, type: 'app' as const, data: { root } };
}

/** The shape of the real graph: apps import the contract; the e2e project depends on an app. */
const graph = {
  nodes: {
    'api-container': {
      ...node('api-container', 'apps/api-container'),
      data: {
        root: 'apps/api-container',
        targets: { build: { inputs: ['production', '{workspaceRoot}/package.json'] } },
      },
    },
    frontend: node('frontend', 'apps/frontend'),
    'frontend-e2e': node('frontend-e2e', 'apps/frontend-e2e'),
    contract: node('contract', 'libs/contract'),
    ui: node('ui', 'libs/ui'),
  },
  dependencies: {
    'api-container': [
      { source: 'api-container', target: 'contract', type: 'static' },
      { source: 'api-container', target: 'npm:fastify', type: 'static' },
    ],
    frontend: [
      { source: 'frontend', target: 'ui', type: 'static' },
      { source: 'frontend', target: 'contract', type: 'static' },
    ],
    ui: [
      { source: 'ui', target: 'contract', type: 'static' },
      { source: 'ui', target: 'frontend', type: 'static' },
    ],
    'frontend-e2e': [{ source: 'frontend-e2e', target: 'frontend', type: 'implicit' }],
    contract: [],
  },
} as unknown as GraphLike;

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pakaura-inputs-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return root;
}

describe('image inputs', () => {
  it('follows workspace dependencies transitively, skipping npm packages and cycles', () => {
    expect(dependencyClosure(graph, 'frontend')).toEqual(['frontend', 'contract', 'ui']);
    expect(dependencyClosure(graph, 'api-container')).toEqual(['api-container', 'contract']);
  });

  it('names a project the graph does not know', () => {
    expect(() => dependencyClosure(graph, 'admin')).toThrow(
      'Project admin is not in the Nx project graph.',
    );
  });

  it("reads the workspace files and test exclusions from nx.json's production input", () => {
    const nxJson = JSON.parse(readFileSync(join(repoRoot, 'nx.json'), 'utf8'));
    const { workspaceFiles, projectExclusions } = buildInputs(nxJson);
    expect(workspaceFiles).toEqual(['package-lock.json', 'tsconfig.base.json']);
    expect(projectExclusions).toContain('**/?(*.)+(spec|test).[jt]s?(x)?(.snap)');
    expect(projectExclusions).toContain('eslint.config.mjs');
  });

  it('survives named inputs that refer to each other', () => {
    const nxJson = {
      namedInputs: {
        production: ['default', '!{projectRoot}/e2e/**/*'],
        default: ['production', '{workspaceRoot}/package-lock.json'],
      },
    };
    expect(buildInputs(nxJson)).toEqual({
      workspaceFiles: ['package-lock.json'],
      projectExclusions: ['e2e/**/*'],
    });
  });

  it('adds the workspace files a build target names itself, through ^ and named inputs', () => {
    const nxJson = {
      namedInputs: {
        production: ['!{projectRoot}/**/*.spec.ts', 'sharedGlobals'],
        sharedGlobals: ['{workspaceRoot}/tsconfig.base.json'],
      },
    };
    const inputs = ['production', '^production', '{workspaceRoot}/package.json', { env: 'CI' }];
    expect(buildInputs(nxJson, inputs)).toEqual({
      workspaceFiles: ['package.json', 'tsconfig.base.json'],
      projectExclusions: ['**/*.spec.ts'],
    });
  });

  it("reads the Dockerfile's default base image", () => {
    expect(baseImageOf('# base\nARG NODE_IMAGE=node:22-alpine\nFROM ${NODE_IMAGE}\n')).toBe(
      'node:22-alpine',
    );
    expect(baseImageOf('arg NODE_IMAGE="node:22-bookworm-slim"\n')).toBe('node:22-bookworm-slim');
    expect(baseImageOf('ARG NODE_IMAGE\nFROM ${NODE_IMAGE}\n')).toBeUndefined();
  });

  it("resolves an app's Dockerfile, ignore file, project roots and base image", () => {
    const root = workspace({
      'apps/frontend/Dockerfile': 'ARG NODE_IMAGE=node:22-alpine\n',
      'apps/frontend/Dockerfile.dockerignore': '*\n',
      'package-lock.json': '{}',
    });
    const nxJson = { namedInputs: { production: ['{workspaceRoot}/package-lock.json'] } };
    expect(resolveImageInputs({ workspaceRoot: root, graph, nxJson, app: 'frontend' })).toEqual({
      workspaceRoot: root,
      projectRoots: ['apps/frontend', 'libs/contract', 'libs/ui'],
      dockerfile: 'apps/frontend/Dockerfile',
      ignoreFile: 'apps/frontend/Dockerfile.dockerignore',
      workspaceFiles: ['package-lock.json'],
      projectExclusions: [],
      baseImage: 'node:22-alpine',
    });
    expect(
      resolveImageInputs({ workspaceRoot: root, graph, nxJson, app: 'frontend', baseImage: 'b:1' })
        .baseImage,
    ).toBe('b:1');
  });

  it("hashes the workspace files the app's build target reads", () => {
    const root = workspace({
      'apps/api-container/Dockerfile': 'ARG NODE_IMAGE=node:22-alpine\n',
      'package.json': '{}',
      'package-lock.json': '{}',
    });
    const nxJson = { namedInputs: { production: ['{workspaceRoot}/package-lock.json'] } };
    const inputs = resolveImageInputs({ workspaceRoot: root, graph, nxJson, app: 'api' });
    expect(inputs.workspaceFiles).toEqual(['package-lock.json', 'package.json']);
    expect(inputs.ignoreFile).toBeUndefined();
  });

  it('says which Dockerfile is missing, or lacks a base image default', () => {
    const root = workspace({ 'apps/frontend/Dockerfile': 'ARG NODE_IMAGE\n' });
    const nxJson = {};
    expect(() => resolveImageInputs({ workspaceRoot: root, graph, nxJson, app: 'api' })).toThrow(
      'apps/api-container/Dockerfile does not exist: the api image has no Dockerfile.',
    );
    expect(() =>
      resolveImageInputs({ workspaceRoot: root, graph, nxJson, app: 'frontend' }),
    ).toThrow(
      'apps/frontend/Dockerfile declares no default for ARG NODE_IMAGE: add one or pass a base image.',
    );
  });
});
