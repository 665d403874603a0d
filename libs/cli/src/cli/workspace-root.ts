import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest directory at or above `start` holding nx.json: the workspace the CLI belongs to. */
export function findWorkspaceRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) {
      throw new Error(`No nx.json above ${start}: run pakaura from a Pakaura checkout.`);
    }
  }
}
