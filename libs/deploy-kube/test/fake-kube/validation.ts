import * as clientModels from '@kubernetes/client-node';
import type { KubeObject } from './selectors';
import { apiVersionOf, type ResourceType } from './store';

/** How the API server treats fields it does not know (the `fieldValidation` query parameter). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export type Decoded =
  | { ok: true; object: KubeObject; warnings: string[] }
  | { ok: false; code: 400 | 422; reason: 'BadRequest' | 'Invalid'; message: string };

/**
 * What kube-apiserver 1.29 does with an object a client writes (create, update, patch), before it
 * stores it:
 * - fields the kind does not have: with `fieldValidation=Strict` (kubectl's default since 1.27)
 *   the request fails with 400 BadRequest, `<Kind> in version "<v>" cannot be handled as a <Kind>:
 *   strict decoding error: unknown field "<path>", ...`; with `Warn` (the server's default when the
 *   parameter is absent) it succeeds with one `Warning: 299 - "unknown field \"<path>\""` header
 *   per field; with `Ignore` silently. Either way the fields are dropped (KEP-2885;
 *   staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go and patch.go, and
 *   apimachinery/pkg/runtime/serializer/json `NewStrictDecodingError`).
 * - values the kind's schema refuses (types, enums, required fields): 422 Invalid,
 *   `<Kind>.<group> "<name>" is invalid: <path>: ...` (apimachinery/pkg/api/errors NewInvalid).
 *   The real server reports a type mismatch earlier, as a 400 decoding error; the fake answers 422
 *   for every schema error, which no caller here tells apart.
 * The fields a kind has come from @kubernetes/client-node 1.4's generated models, the schemas
 * from kubernetes-models 5 (both generated from Kubernetes' OpenAPI documents); fields added after
 * 1.29 are therefore accepted here, which the offline validation (libs/deploy-validate/src/validate)
 * refuses on its own.
 */
export async function decodeObject(
  resource: ResourceType,
  object: KubeObject,
  validation: FieldValidation,
): Promise<Decoded> {
  const apiVersion = apiVersionOf(resource);
  const model = modelName(resource);
  const unknown: string[] = [];
  const cleaned = model ? (dropUnknown(object, model, '', unknown) as KubeObject) : object;
  if (unknown.length > 0 && validation === 'Strict') {
    return {
      ok: false,
      code: 400,
      reason: 'BadRequest',
      message: `${resource.kind} in version "${resource.version}" cannot be handled as a ${resource.kind}: strict decoding error: ${unknown.map((p) => `unknown field "${p}"`).join(', ')}`,
    };
  }
  const problems = await schemaProblems(apiVersion, resource.kind, cleaned);
  if (problems.length > 0) {
    const kind = resource.group ? `${resource.kind}.${resource.group}` : resource.kind;
    const name = cleaned.metadata?.name ?? '';
    const body = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
    return {
      ok: false,
      code: 422,
      reason: 'Invalid',
      message: `${kind} "${name}" is invalid: ${body}`,
    };
  }
  const warnings = validation === 'Warn' ? unknown.map((p) => `unknown field "${p}"`) : [];
  return { ok: true, object: cleaned, warnings };
}

/** `fieldValidation` as the server reads it: absent means Warn; anything else is a 400. */
export function fieldValidationOf(query: URLSearchParams): FieldValidation | undefined {
  const value = query.get('fieldValidation') ?? 'Warn';
  return (['Strict', 'Warn', 'Ignore'] as const).find((v) => v === value);
}

type Models = Record<string, { getAttributeTypeMap?: () => { baseName: string; type: string }[] }>;
const MODELS = clientModels as unknown as Models;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function modelName(resource: ResourceType): string | undefined {
  const group = resource.group ? resource.group.split('.')[0] : 'core';
  return [
    `${capital(resource.version)}${resource.kind}`,
    `${capital(group)}${capital(resource.version)}${resource.kind}`,
  ].find((name) => typeof MODELS[name]?.getAttributeTypeMap === 'function');
}

/** A copy of `value` without the fields `type` lacks; their paths go to `unknown`. */
function dropUnknown(value: unknown, type: string, path: string, unknown: string[]): unknown {
  const list = /^Array<(.+)>$/.exec(type);
  if (list) {
    return Array.isArray(value)
      ? value.map((item, i) => dropUnknown(item, list[1], `${path}[${i}]`, unknown))
      : value;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (map) {
    if (!isObject) return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, dropUnknown(v, map[1], join(path, k), unknown)]),
    );
  }
  const fields = MODELS[type]?.getAttributeTypeMap?.();
  if (!fields || !isObject) return value;
  const known = new Map(fields.map((f) => [f.baseName, f.type]));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const fieldType = known.get(key);
    if (fieldType === undefined) unknown.push(join(path, key));
    else out[key] = dropUnknown(item, fieldType, join(path, key), unknown);
  }
  return out;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
type SchemaModel = new (data: unknown) => { validate(): void };
const schemaModels = new Map<string, SchemaModel | null>();

/** kubernetes-models' schema errors, written as the API server's field errors. */
async function schemaProblems(
  apiVersion: string,
  kind: string,
  object: unknown,
): Promise<string[]> {
  const key = `${apiVersion}/${kind}`;
  if (!schemaModels.has(key)) {
    try {
      const mod = (await import(
        /* @vite-ignore */ `kubernetes-models/${apiVersion}/${kind}`
      )) as Record<string, unknown>;
      schemaModels.set(key, (mod[kind] as SchemaModel | undefined) ?? null);
    } catch {
      schemaModels.set(key, null);
    }
  }
  const Model = schemaModels.get(key);
  if (!Model) return [];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: SchemaError[] }).errors;
    if (!Array.isArray(errors)) throw error;
    return errors.map(fieldError);
  }
}

function fieldError(error: SchemaError): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : join(acc, part)), '');
  if (error.keyword === 'required') {
    return `${join(path, String(error.params['missingProperty']))}: Required value`;
  }
  return `${path || '<root>'}: Invalid value: ${error.message ?? error.keyword}`;
}
