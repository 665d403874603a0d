/** A Kubernetes object as parsed from YAML: nothing is trusted until it has been validated. */
export type KubeObject = Record<string, unknown>;

/** One object and where it came from: a file, or a chart template in a named render. */
export interface ManifestObject {
  /** `libs/k8s-manifests/api/deployment.yaml`, or `pakaura/templates/api/deployment.yaml (defaults)`. */
  source: string;
  /** Position of the YAML document in its source, from 0. */
  index: number;
  object: KubeObject;
}

/** One problem: which file, which object, which field, what is wrong, and which rule says so. */
export interface Finding {
  source: string;
  /** `Kind/name`, or `document <n>` when the document has no kind or name. */
  object: string;
  /** Dotted field path, `spec.template.spec.containers[0].image`; empty for the whole object. */
  path: string;
  message: string;
  /** Stable policy rule id, absent for schema findings. */
  rule?: string;
}

export function objectRef(manifest: ManifestObject): string {
  const { kind, metadata } = manifest.object;
  const name = isRecord(metadata) ? metadata['name'] : undefined;
  if (typeof kind === 'string' && typeof name === 'string') return `${kind}/${name}`;
  if (typeof kind === 'string') return `${kind}/<no name>`;
  return `document ${manifest.index + 1}`;
}

/** `source: Kind/name: path: message [rule]`, one line. */
export function formatFinding(finding: Finding): string {
  const parts = [finding.source, finding.object, finding.path].filter(Boolean);
  return `${parts.join(': ')}: ${finding.message}${finding.rule ? ` [${finding.rule}]` : ''}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns a JSON pointer (`/spec/containers/0/image`) into `spec.containers[0].image`. */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : joinPath(path, segment)),
      '',
    );
}

/** Appends a key to a dotted path, quoting keys that hold dots or slashes (label names). */
export function joinPath(path: string, key: string): string {
  const segment = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (!path) return segment;
  return segment.startsWith('[') ? `${path}${segment}` : `${path}.${segment}`;
}
