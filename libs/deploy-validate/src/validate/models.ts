import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The two model sources the offline validation stands on, loaded once:
 * - `kubernetes-models` 5: precompiled JSON-schema validators (types, enums, formats such as
 *   quantities, required fields) per apiVersion/kind;
 * - `@kubernetes/client-node` 1.4: generated models whose attribute type maps list every field of
 *   every type, which the unknown-field walk follows.
 * Both are ES modules, imported by absolute file path: that form loads under Vitest, tsx, and the
 * CommonJS that Nx compiles executors to (where `import()` becomes `require()`, which Node 20.19+
 * accepts for ES modules).
 */
export interface AttributeType {
  name: string;
  baseName: string;
  type: string;
}

export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

interface ClientModel {
  getAttributeTypeMap(): AttributeType[];
}

type SchemaModel = new (data: unknown) => { validate(): void };

const requireHere = createRequire(__filename);
const packageDir = (name: string) => dirname(requireHere.resolve(`${name}/package.json`));

let clientModels: Record<string, unknown> | undefined;
const schemaModels = new Map<string, SchemaModel | null>();

/** Loads the client-node models and the schema validators of the given kinds. */
export async function loadModels(
  kinds: Iterable<{ apiVersion: string; kind: string }>,
): Promise<void> {
  clientModels ??= (await import(
    join(packageDir('@kubernetes/client-node'), 'dist', 'gen', 'models', 'all.js')
  )) as Record<string, unknown>;
  const root = packageDir('kubernetes-models');
  for (const { apiVersion, kind } of kinds) {
    const key = `${apiVersion}/${kind}`;
    if (schemaModels.has(key)) continue;
    try {
      const mod = (await import(join(root, apiVersion, `${kind}.js`))) as Record<string, unknown>;
      schemaModels.set(key, (mod[kind] as SchemaModel | undefined) ?? null);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') throw error;
      schemaModels.set(key, null);
    }
  }
}

/** The client-node model class named `name` (`V1Deployment`), or undefined. */
export function clientModel(name: string): ClientModel | undefined {
  if (!clientModels) throw new Error('loadModels() must run before clientModel()');
  const model = clientModels[name] as Partial<ClientModel> | undefined;
  return typeof model?.getAttributeTypeMap === 'function' ? (model as ClientModel) : undefined;
}

export function hasSchema(apiVersion: string, kind: string): boolean {
  return Boolean(schemaModels.get(`${apiVersion}/${kind}`));
}

/** Schema errors of `object` against its kind's JSON schema; empty when it is valid. */
export function schemaErrors(apiVersion: string, kind: string, object: unknown): SchemaError[] {
  const Model = schemaModels.get(`${apiVersion}/${kind}`);
  if (!Model) throw new Error(`No schema loaded for ${apiVersion} ${kind}`);
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: SchemaError[] }).errors;
    if (!Array.isArray(errors)) throw error;
    return errors;
  }
}

/** Name of the client-node model of a kind: `V1Deployment`, `V2HorizontalPodAutoscaler`, `CoreV1Event`. */
export function clientModelName(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const candidates = [
    `${capital(version)}${kind}`,
    `${capital(group.split('.')[0])}${capital(version)}${kind}`,
  ];
  return candidates.find((name) => clientModel(name) !== undefined);
}
