import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore from 'ignore';

/** Marks the digest inside the release's description (`helm upgrade --description`). */
export const DIGEST_PREFIX = 'pakaura-digest=';

export interface DigestInputs {
  chartDir: string;
  valuesFiles: readonly string[];
  /** Every `--set` the deploy passes, image values included. */
  set: Readonly<Record<string, string>>;
}

/**
 * A digest of what decides the release's content: the chart's files (those helm packages, per
 * .helmignore), the values files and every --set value (which carry the image tags). Same inputs,
 * same digest; the order of keys and files does not matter.
 */
export function deployDigest(inputs: DigestInputs): string {
  const hash = createHash('sha256');
  for (const file of chartFiles(inputs.chartDir)) {
    hash
      .update(`chart:${file}\0`)
      .update(readFileSync(join(inputs.chartDir, file)))
      .update('\0');
  }
  for (const file of inputs.valuesFiles) {
    hash.update(`values\0`).update(readFileSync(file)).update('\0');
  }
  for (const key of Object.keys(inputs.set).sort()) {
    hash.update(`set:${key}=${inputs.set[key]}\0`);
  }
  return hash.digest('hex').slice(0, 32);
}

/** The chart's files helm would package, relative and sorted. */
export function chartFiles(chartDir: string): string[] {
  const helmignore = join(chartDir, '.helmignore');
  const ig = ignore().add(existsSync(helmignore) ? readFileSync(helmignore, 'utf8') : '');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = relative(chartDir, full).split(sep).join('/');
      if (ig.ignores(entry.isDirectory() ? `${rel}/` : rel)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(rel);
    }
  };
  walk(chartDir);
  return files.sort();
}

/** The digest recorded in a release description, if any. */
export function digestOf(description: string | undefined): string | undefined {
  const at = description?.indexOf(DIGEST_PREFIX) ?? -1;
  if (!description || at < 0) return undefined;
  return /^[0-9a-f]+/.exec(description.slice(at + DIGEST_PREFIX.length))?.[0];
}
