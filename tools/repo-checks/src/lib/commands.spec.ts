import { describe, expect, it } from 'vitest';
import { commandLines, nxRequest } from './commands';

describe('command lines', () => {
  it('splits a step script into commands and keeps quoted words together', () => {
    const lines = commandLines(
      'npm ci && npx nx affected -t lint test \\\n  --base="$NX_BASE"\n# note\necho "a b"',
    );
    expect(lines.map((l) => l.argv)).toEqual([
      ['npm', 'ci'],
      ['npx', 'nx', 'affected', '-t', 'lint', 'test', '--base=$NX_BASE'],
      ['echo', 'a b'],
    ]);
  });

  it('reads targets and projects from every nx command form', () => {
    expect(nxRequest(['npx', 'nx', 'run', 'chart:verify'])).toEqual({
      command: 'run',
      targets: ['verify'],
      projects: ['chart'],
    });
    expect(
      nxRequest(['npx', 'nx', 'run-many', '-t', 'deploy', '--output-style=static'])?.targets,
    ).toEqual(['deploy']);
    expect(nxRequest(['npx', 'nx', 'affected', '--targets=lint,test', '-p', 'a'])).toEqual({
      command: 'affected',
      targets: ['lint', 'test'],
      projects: ['a'],
    });
    expect(nxRequest(['npx', 'nx', 'graph'])?.targets).toEqual([]);
    expect(nxRequest(['npx', 'nx', 'test', 'api-container'])).toEqual({
      command: 'run',
      targets: ['test'],
      projects: ['api-container'],
    });
    expect(nxRequest(['npm', 'test'])).toBeUndefined();
  });
});
