import { clientModel } from './models';
import { FIELDS_NEWER_THAN_TARGET, TARGET_KUBERNETES_VERSION } from './served-apis';
import { isRecord, joinPath } from './types';

export interface FieldProblem {
  path: string;
  message: string;
}

const ARRAY = /^Array<(.+)>$/;
const MAP = /^\{ \[key: string\]: (.+); \}$/;

/**
 * Walks `value` along the client-node model `type` and reports every field the model does not
 * know (the API server rejects those under strict field validation), and every field newer than
 * the target Kubernetes version. Type mismatches are left to the JSON schema validation.
 */
export function findUnknownFields(value: unknown, type: string, path = ''): FieldProblem[] {
  const array = ARRAY.exec(type);
  if (array) {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, i) => findUnknownFields(item, array[1], `${path}[${i}]`));
  }
  const map = MAP.exec(type);
  if (map) {
    if (!isRecord(value)) return [];
    return Object.entries(value).flatMap(([key, item]) =>
      findUnknownFields(item, map[1], joinPath(path, key)),
    );
  }
  const model = clientModel(type);
  if (!model || !isRecord(value)) return [];

  const known = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  const problems: FieldProblem[] = [];
  for (const [key, item] of Object.entries(value)) {
    const fieldPath = joinPath(path, key);
    const fieldType = known.get(key);
    if (fieldType === undefined) {
      problems.push({ path: fieldPath, message: unknownFieldMessage(key, [...known.keys()]) });
      continue;
    }
    const since = FIELDS_NEWER_THAN_TARGET[`${type}.${key}`];
    if (since) {
      problems.push({
        path: fieldPath,
        message: `field "${key}" needs Kubernetes ${since}; the target cluster is ${TARGET_KUBERNETES_VERSION}`,
      });
      continue;
    }
    problems.push(...findUnknownFields(item, fieldType, fieldPath));
  }
  return problems;
}

function unknownFieldMessage(key: string, known: string[]): string {
  const near = known.find(
    (k) => k.toLowerCase() === key.toLowerCase() || editDistance(k, key) <= 2,
  );
  return `unknown field "${key}"${near ? ` (did you mean "${near}"?)` : ''}`;
}

/** Levenshtein distance, for "did you mean" hints on typos. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}
