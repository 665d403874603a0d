import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './workspace';

const SOURCE_DIRS = ['libs', 'tools', 'apps'];
const SKIP = new Set(['node_modules', 'dist', '.next', 'test', 'e2e', 'coverage']);
/** Pieces shorter than this ("Run", "in") prove nothing about where a message comes from. */
const MIN_PIECE = 8;

/** The text of every non-test TypeScript/JavaScript source file of the workspace, joined. */
export function productSources(): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (SKIP.has(entry)) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts|mjs)$/.test(entry) && !/\.(spec|test)\./.test(entry)) {
        texts.push(readFileSync(path, 'utf8'));
      }
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(WORKSPACE_ROOT, dir));
  return texts.join('\n');
}

/**
 * The pieces of a quoted message that no source file contains. The message is cut at its `<...>`
 * placeholders (the parts a template literal fills in) and at sentence ends (where messages are
 * joined from several strings); pieces too short to mean anything are not looked for.
 */
export function missingPieces(message: string, sources: string): string[] {
  return message
    .split(/<[^>]+>/)
    .flatMap((part) => part.split(/(?<=[.?!:])\s+/))
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= MIN_PIECE)
    .filter((piece) => !sources.includes(piece));
}
