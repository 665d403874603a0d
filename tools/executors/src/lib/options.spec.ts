import { describe, expect, it } from 'vitest';
import { nonEmpty, projectRoot, workspacePath } from './options';

describe('executor option helpers', () => {
  it("finds the running project's root, and nothing outside a project", () => {
    const projectsConfigurations = {
      version: 2,
      projects: { chart: { root: 'libs/chart' } },
    };
    expect(projectRoot({ projectName: 'chart', projectsConfigurations })).toBe('libs/chart');
    expect(projectRoot({ projectName: undefined, projectsConfigurations })).toBeUndefined();
  });

  it('puts a relative path under the workspace root and keeps an absolute one', () => {
    expect(workspacePath('/ws', 'libs/chart')).toBe('/ws/libs/chart');
    expect(workspacePath('/ws', '/tmp/chart')).toBe('/tmp/chart');
  });

  it('treats a blank option as not given and trims the others', () => {
    expect(nonEmpty('  ')).toBeUndefined();
    expect(nonEmpty(undefined)).toBeUndefined();
    expect(nonEmpty(' kind-kind ')).toBe('kind-kind');
  });
});
