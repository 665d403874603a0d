import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** Keys whose values are secrets: they never reach a command line, a log line or a digest in clear. */
export const SECRET_VALUE_KEY = /(password|secret|token|apikey|api_key|credential)/i;

export interface SecretValuesFile {
  /** Absolute path of the values file (mode 0600 in a directory of mode 0700). */
  path: string;
  /** Removes the file and its directory; safe to call twice. */
  dispose(): void;
}

/** Splits `--set` pairs into those that name a secret and the rest. */
export function splitSecretValues(set: Readonly<Record<string, string>>): {
  secrets: Record<string, string>;
  plain: Record<string, string>;
} {
  const secrets: Record<string, string> = {};
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(set)) {
    if (SECRET_VALUE_KEY.test(key)) secrets[key] = value;
    else plain[key] = value;
  }
  return { secrets, plain };
}

/**
 * Writes secret values (`{ 'secrets.dbPassword': 'x' }`) as a Helm values file that only its owner
 * can read, so they reach helm through `--values` instead of its argv, which every user of the
 * machine can read in `ps` and /proc. Values stay strings, as `--set-string` would keep them.
 */
export function writeSecretValuesFile(secrets: Readonly<Record<string, string>>): SecretValuesFile {
  const dir = mkdtempSync(join(tmpdir(), 'pakaura-secret-values-'));
  const path = join(dir, 'values.yaml');
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(secrets)) setPath(values, key.split('.'), value);
  try {
    writeFileSync(path, stringify(values), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Cannot write the secret values file in ${dir}.`, { cause: error });
  }
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function setPath(target: Record<string, unknown>, keys: string[], value: string): void {
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    const next = node[key];
    node = (typeof next === 'object' && next !== null ? next : (node[key] = {})) as Record<
      string,
      unknown
    >;
  }
  node[last] = value;
}
