import { isRecord, objectRef, type Finding, type ManifestObject } from './types';

/** Values that mark a secret nobody filled in. An empty value is allowed: optional keys stay empty. */
const PLACEHOLDER =
  /^(change[_-]?me|replace[_-]?me|placeholder|secret|password|todo|x{3,}|<[^>]*>|\$\{[^}]*\})$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/**
 * Secrets of a bundle that still hold a placeholder (CHANGE_ME, <your key>...). Applying them would
 * initialise PostgreSQL with a password everyone knows, so the tooling refuses.
 */
export function placeholderSecrets(manifests: readonly ManifestObject[]): Finding[] {
  return manifests.flatMap((manifest) => {
    if (manifest.object['kind'] !== 'Secret') return [];
    const found: Finding[] = [];
    for (const field of ['data', 'stringData'] as const) {
      const entries = manifest.object[field];
      if (!isRecord(entries)) continue;
      for (const [key, value] of Object.entries(entries)) {
        if (typeof value !== 'string') continue;
        const plain = field === 'data' ? Buffer.from(value, 'base64').toString('utf8') : value;
        if (isPlaceholder(plain)) {
          found.push({
            source: manifest.source,
            object: objectRef(manifest),
            path: `${field}.${key}`,
            message: `still holds the placeholder "${plain}": set a real value before applying`,
          });
        }
      }
    }
    return found;
  });
}
