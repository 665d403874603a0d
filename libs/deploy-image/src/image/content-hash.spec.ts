import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '@pakaura/contract';
import {
  CONTENT_HASH_LENGTH,
  collectInputFiles,
  contentTag,
  imageContentHash,
  type ImageInputs,
} from './content-hash';

/** A small workspace: two apps that both import one library, the way the real one is laid out. */
const FILES: Record<string, string> = {
  '.gitignore': 'node_modules/\ndist/\n.next/\n',
  'package.json': '{"name":"ws"}\n',
  'package-lock.json': '{"lockfileVersion":3}\n',
  'tsconfig.base.json': '{}\n',
  'apps/api/Dockerfile': 'ARG NODE_IMAGE=node:22-alpine\nFROM ${NODE_IMAGE}\n',
  'apps/api/Dockerfile.dockerignore': '*\n!dist/apps/api\n',
  'apps/api/src/main.ts': 'export const port = 8000;\n',
  'apps/api/src/main.spec.ts': 'it("works", () => undefined);\n',
  'apps/web/Dockerfile': 'ARG NODE_IMAGE=node:22-alpine\nFROM ${NODE_IMAGE}\n',
  'apps/web/.gitignore': 'next-env.d.ts\n',
  'apps/web/src/page.tsx': 'export default function Page() { return null; }\n',
  'libs/shared/src/index.ts': 'export const name = "pakaura";\n',
};

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'pakaura-hash-'));
  for (const [file, content] of Object.entries(FILES)) write(root, file, content);
  return root;
}

function write(root: string, file: string, content: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), content);
}

function inputs(root: string, app: 'api' | 'web', overrides: Partial<ImageInputs> = {}) {
  return {
    workspaceRoot: root,
    projectRoots: [`apps/${app}`, 'libs/shared'],
    dockerfile: `apps/${app}/Dockerfile`,
    ignoreFile: app === 'api' ? 'apps/api/Dockerfile.dockerignore' : undefined,
    workspaceFiles: ['package-lock.json', 'tsconfig.base.json'],
    projectExclusions: ['**/?(*.)+(spec|test).[jt]s?(x)?(.snap)', 'test/**/*'],
    baseImage: 'node:22-alpine',
    ...overrides,
  } satisfies ImageInputs;
}

const hashOf = (root: string, app: 'api' | 'web', overrides: Partial<ImageInputs> = {}) =>
  imageContentHash(inputs(root, app, overrides)).hash;

describe('image content hash', () => {
  it('gives the same hash for the same inputs, wherever the workspace lives', () => {
    const first = workspace();
    const second = workspace();
    expect(hashOf(first, 'api')).toBe(hashOf(second, 'api'));
    expect(hashOf(first, 'api')).toMatch(new RegExp(`^[0-9a-f]{${CONTENT_HASH_LENGTH}}$`));
    expect(hashOf(first, 'api')).not.toBe(hashOf(first, 'web'));
  });

  it('changes only the frontend hash when one frontend source file changes', () => {
    const root = workspace();
    const api = hashOf(root, 'api');
    const web = hashOf(root, 'web');
    appendFileSync(join(root, 'apps/web/src/page.tsx'), '// one more line\n');
    expect(hashOf(root, 'api')).toBe(api);
    expect(hashOf(root, 'web')).not.toBe(web);
  });

  it('changes only the API hash when one API source file changes', () => {
    const root = workspace();
    const api = hashOf(root, 'api');
    const web = hashOf(root, 'web');
    write(root, 'apps/api/src/routes.ts', 'export {};\n');
    expect(hashOf(root, 'api')).not.toBe(api);
    expect(hashOf(root, 'web')).toBe(web);
  });

  it('changes both hashes when a library both apps import changes', () => {
    const root = workspace();
    const api = hashOf(root, 'api');
    const web = hashOf(root, 'web');
    appendFileSync(join(root, 'libs/shared/src/index.ts'), 'export const other = 1;\n');
    expect(hashOf(root, 'api')).not.toBe(api);
    expect(hashOf(root, 'web')).not.toBe(web);
  });

  it.each([
    ['the Dockerfile', 'apps/api/Dockerfile'],
    ['its ignore file', 'apps/api/Dockerfile.dockerignore'],
    ['the lockfile', 'package-lock.json'],
    ['tsconfig.base.json', 'tsconfig.base.json'],
  ])('changes when %s changes', (_, file) => {
    const root = workspace();
    const before = hashOf(root, 'api');
    appendFileSync(join(root, file), '\n');
    expect(hashOf(root, 'api')).not.toBe(before);
  });

  it('changes when the base image changes', () => {
    const root = workspace();
    expect(hashOf(root, 'api', { baseImage: 'pakaura-node-base:22' })).not.toBe(
      hashOf(root, 'api'),
    );
  });

  it('changes when a file is renamed, even with the same content', () => {
    const root = workspace();
    const before = hashOf(root, 'api');
    renameSync(join(root, 'apps/api/src/main.ts'), join(root, 'apps/api/src/server.ts'));
    expect(hashOf(root, 'api')).not.toBe(before);
  });

  it('ignores tests, gitignored build output and files a nested .gitignore names', () => {
    const root = workspace();
    const before = hashOf(root, 'web');
    write(root, 'apps/web/src/page.spec.tsx', 'it("renders", () => undefined);\n');
    write(root, 'apps/web/.next/server/page.js', 'built');
    write(root, 'apps/web/next-env.d.ts', '/// <reference types="next" />\n');
    write(root, 'apps/web/node_modules/x/index.js', 'module.exports = 1;\n');
    write(root, 'apps/web/test/helpers.ts', 'export {};\n');
    expect(hashOf(root, 'web')).toBe(before);
  });

  it('lists the Dockerfile, its ignore file, workspace files and production sources', () => {
    const root = workspace();
    expect(collectInputFiles(inputs(root, 'api'))).toEqual([
      'apps/api/Dockerfile',
      'apps/api/Dockerfile.dockerignore',
      'apps/api/src/main.ts',
      'libs/shared/src/index.ts',
      'package-lock.json',
      'tsconfig.base.json',
    ]);
  });

  it('hashes a symbolic link by where it points', () => {
    const root = workspace();
    symlinkSync('main.ts', join(root, 'apps/api/src/alias.ts'));
    const first = hashOf(root, 'api');
    const other = workspace();
    symlinkSync('../../../libs/shared/src/index.ts', join(other, 'apps/api/src/alias.ts'));
    expect(hashOf(other, 'api')).not.toBe(first);
  });

  it('names an input file that does not exist', () => {
    const root = workspace();
    expect(() => hashOf(root, 'api', { dockerfile: 'apps/api/Containerfile' })).toThrow(
      /^Image input apps\/api\/Containerfile does not exist under /,
    );
    expect(() => hashOf(root, 'api', { projectRoots: ['apps/gone'] })).toThrow(
      /^Project root apps\/gone does not exist under /,
    );
  });

  it('tags with the product version and the hash', () => {
    expect(contentTag('0123456789ab')).toBe(`${APP_VERSION}-0123456789ab`);
  });
});
