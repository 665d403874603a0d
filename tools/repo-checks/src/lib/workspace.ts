import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

/** Targets of every Nx project, from the project graph Nx itself computes (`nx graph --file`). */
export function nxTargets(): Map<string, Set<string>> {
  const dir = mkdtempSync(join(tmpdir(), 'pakaura-graph-'));
  const file = join(dir, 'graph.json');
  try {
    execFileSync(
      process.execPath,
      [join(WORKSPACE_ROOT, 'node_modules/.bin/nx'), 'graph', `--file=${file}`],
      {
        cwd: WORKSPACE_ROOT,
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
        stdio: 'pipe',
      },
    );
    const graph = JSON.parse(readFileSync(file, 'utf8')) as {
      graph: { nodes: Record<string, { data: { targets?: Record<string, unknown> } }> };
    };
    return new Map(
      Object.entries(graph.graph.nodes).map(([name, node]) => [
        name,
        new Set(Object.keys(node.data.targets ?? {})),
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readWorkspaceFile(path: string): string {
  return readFileSync(join(WORKSPACE_ROOT, path), 'utf8');
}

export function rootPackage(): { scripts?: Record<string, string>; bin?: Record<string, string> } {
  return JSON.parse(readWorkspaceFile('package.json')) as ReturnType<typeof rootPackage>;
}

export function npmScripts(): Record<string, string> {
  return rootPackage().scripts ?? {};
}
