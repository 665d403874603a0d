/**
 * Label and field selectors as the API server reads them: `a=b`, `a==b`, `a!=b`, `a`, `!a`,
 * `a in (x,y)`, `a notin (x,y)` for labels; `path=value` / `path!=value` for fields.
 */
export type Matcher = (object: KubeObject) => boolean;

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export function labelMatcher(selector: string | undefined): Matcher {
  const terms = splitTerms(selector);
  const tests = terms.map(parseLabelTerm);
  return (object) => tests.every((test) => test(object.metadata.labels ?? {}));
}

export function fieldMatcher(selector: string | undefined): Matcher {
  const tests = splitTerms(selector).map((term) => {
    const match = /^([^!=]+?)(!=|==|=)(.*)$/.exec(term);
    if (!match) throw new SelectorError(`unable to parse requirement: "${term}"`);
    const [, path, op, value] = match;
    return (object: KubeObject) => {
      const actual = String(readPath(object, path.trim()) ?? '');
      return op === '!=' ? actual !== value : actual === value;
    };
  });
  return (object) => tests.every((test) => test(object));
}

export class SelectorError extends Error {}

function splitTerms(selector: string | undefined): string[] {
  if (!selector?.trim()) return [];
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else current += char;
  }
  terms.push(current.trim());
  return terms.filter(Boolean);
}

function parseLabelTerm(term: string): (labels: Record<string, string>) => boolean {
  const set = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(term);
  if (set) {
    const [, key, op, list] = set;
    const values = list.split(',').map((v) => v.trim());
    return (labels) => (op === 'in') === (key in labels && values.includes(labels[key]));
  }
  const compare = /^([^!=\s]+)\s*(!=|==|=)\s*(\S*)$/.exec(term);
  if (compare) {
    const [, key, op, value] = compare;
    return (labels) => (op === '!=' ? labels[key] !== value : labels[key] === value);
  }
  if (/^!\S+$/.test(term)) return (labels) => !(term.slice(1) in labels);
  if (/^\S+$/.test(term)) return (labels) => term in labels;
  throw new SelectorError(`unable to parse requirement: "${term}"`);
}

function readPath(object: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      object,
    );
}
