import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingBuildOutput, outputFolder } from './build-output';

function graphWith(outputs: string[], options: Record<string, unknown> = {}) {
  return {
    nodes: {
      frontend: {
        name: 'frontend',
        type: 'app' as const,
        data: { root: 'apps/frontend', targets: { build: { outputs, options } } },
      },
    },
  };
}

describe('build output', () => {
  it('reduces an output pattern to the folder before its first glob', () => {
    expect(outputFolder('{projectRoot}/.next/!(cache)/**/*', 'apps/frontend', {})).toBe(
      'apps/frontend/.next',
    );
    expect(outputFolder('{workspaceRoot}/dist/apps/api-container', 'apps/api-container', {})).toBe(
      'dist/apps/api-container',
    );
    expect(outputFolder('{options.outputPath}', 'apps/x', { outputPath: 'dist/apps/x' })).toBe(
      'dist/apps/x',
    );
    expect(outputFolder('{options.outputPath}', 'apps/x', {})).toBeUndefined();
  });

  it('names the first build output that does not exist', () => {
    const root = mkdtempSync(join(tmpdir(), 'pakaura-output-'));
    const graph = graphWith(['{projectRoot}/.next/!(cache)/**/*', '{workspaceRoot}/dist/web']);
    expect(missingBuildOutput(graph, 'frontend', root)).toBe('apps/frontend/.next');
    mkdirSync(join(root, 'apps/frontend/.next'), { recursive: true });
    expect(missingBuildOutput(graph, 'frontend', root)).toBe('dist/web');
    mkdirSync(join(root, 'dist/web'), { recursive: true });
    expect(missingBuildOutput(graph, 'frontend', root)).toBeUndefined();
  });

  it('has nothing to say about a project without a build target', () => {
    const graph = { nodes: { api: { name: 'api', type: 'app' as const, data: { root: 'a' } } } };
    expect(missingBuildOutput(graph, 'api', '/nowhere')).toBeUndefined();
  });
});
