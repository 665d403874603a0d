import { parseAllDocuments } from 'yaml';

/** An object of a release manifest, by kind and name. */
export interface ManifestRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** The objects a rendered manifest (helm's release manifest or `helm template`) holds, in order. */
export function manifestObjects(manifest: string): Record<string, unknown>[] {
  return parseAllDocuments(manifest)
    .map((doc) => doc.toJS() as unknown)
    .filter(
      (o): o is Record<string, unknown> => typeof o === 'object' && o !== null && 'kind' in o,
    );
}

export function refOf(object: Record<string, unknown>): ManifestRef {
  const metadata = (object['metadata'] ?? {}) as { name?: string; namespace?: string };
  return { kind: String(object['kind']), name: metadata.name ?? '', namespace: metadata.namespace };
}
