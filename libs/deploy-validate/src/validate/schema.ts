import { labelProblems, metadataProblems } from './metadata';
import { clientModelName, loadModels, schemaErrors, type SchemaError } from './models';
import {
  NOT_SERVED_REPLACEMENTS,
  TARGET_KUBERNETES_VERSION,
  servedKind,
  servedVersionsOf,
} from './served-apis';
import { isRecord, objectRef, pointerToPath, type Finding, type ManifestObject } from './types';
import { findUnknownFields, type FieldProblem } from './unknown-fields';

/**
 * Everything a Kubernetes 1.29 API server would reject in these objects, found offline: an
 * apiVersion/kind it does not serve, schema errors (types, enums, formats, required fields),
 * unknown fields and fields newer than 1.29, malformed names and labels.
 */
export async function validateSchemas(manifests: readonly ManifestObject[]): Promise<Finding[]> {
  const kinds = manifests
    .map(({ object }) => ({ apiVersion: object['apiVersion'], kind: object['kind'] }))
    .filter(
      (k): k is { apiVersion: string; kind: string } =>
        typeof k.apiVersion === 'string' &&
        typeof k.kind === 'string' &&
        servedKind(k.apiVersion, k.kind) !== undefined,
    );
  await loadModels(kinds);
  return manifests.flatMap(validateObjectSchema);
}

function validateObjectSchema(manifest: ManifestObject): Finding[] {
  const { object } = manifest;
  const ref = objectRef(manifest);
  const finding = (problem: FieldProblem): Finding => ({
    source: manifest.source,
    object: ref,
    ...problem,
  });
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    const missing = typeof apiVersion !== 'string' ? 'apiVersion' : 'kind';
    return [finding({ path: missing, message: 'is required' })];
  }
  const served = servedKind(apiVersion, kind);
  if (!served)
    return [finding({ path: 'apiVersion', message: notServedMessage(apiVersion, kind) })];

  const problems = [
    ...metadataProblems(kind, object['metadata'], served.namespaced),
    ...templateLabelProblems(object),
    ...describeSchemaErrors(schemaErrors(apiVersion, kind, object)),
  ];
  const model = clientModelName(apiVersion, kind);
  if (model) problems.push(...findUnknownFields(object, model));
  return dedupe(problems).map(finding);
}

function notServedMessage(apiVersion: string, kind: string): string {
  const instead = servedVersionsOf(kind);
  const hint = instead.length
    ? `use ${instead.join(' or ')}`
    : NOT_SERVED_REPLACEMENTS[apiVersion]
      ? `use ${NOT_SERVED_REPLACEMENTS[apiVersion]}`
      : 'it is not a built-in kind (a CRD would have to be installed first)';
  return `${apiVersion} ${kind} is not served by Kubernetes ${TARGET_KUBERNETES_VERSION}: ${hint}`;
}

/** Pod template labels are object-meta labels too. */
function templateLabelProblems(object: Record<string, unknown>): FieldProblem[] {
  const spec = object['spec'];
  const template = isRecord(spec) ? spec['template'] : undefined;
  const metadata = isRecord(template) ? template['metadata'] : undefined;
  return isRecord(metadata)
    ? labelProblems(metadata['labels'], 'spec.template.metadata.labels')
    : [];
}

/**
 * One message per field. A value that fails a `oneOf` (int-or-string, quantity) produces several
 * raw errors on the same path; the most specific one is kept (format, enum, pattern, then type).
 */
function describeSchemaErrors(errors: SchemaError[]): FieldProblem[] {
  const byPath = new Map<string, SchemaError[]>();
  for (const error of errors) {
    const path =
      error.keyword === 'required'
        ? [pointerToPath(error.instancePath), String(error.params['missingProperty'])]
            .filter(Boolean)
            .join('.')
        : pointerToPath(error.instancePath);
    byPath.set(path, [...(byPath.get(path) ?? []), error]);
  }
  const rank = ['required', 'format', 'enum', 'pattern', 'minimum', 'maximum', 'type'];
  return [...byPath].map(([path, list]) => {
    const best = [...list].sort((a, b) => rankOf(rank, a.keyword) - rankOf(rank, b.keyword))[0];
    return { path, message: describe(best) };
  });
}

function rankOf(rank: string[], keyword: string): number {
  const i = rank.indexOf(keyword);
  return i < 0 ? rank.length : i;
}

function describe(error: SchemaError): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'format':
      return error.params['format'] === 'quantity'
        ? 'must be a quantity such as 500m, 1, 512Mi or 10Gi'
        : `must be a valid ${String(error.params['format'])}`;
    case 'enum':
      return `must be one of: ${(error.params['allowedValues'] as unknown[]).join(', ')}`;
    case 'type':
      return `must be of type ${String(error.params['type'])}`;
    default:
      return error.message ?? `fails the schema's ${error.keyword} check`;
  }
}

function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
