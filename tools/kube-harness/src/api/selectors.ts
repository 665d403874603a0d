/** Label and field selectors as the API server reads them. */
export interface KubeObject {
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export type Matcher = (object: KubeObject) => boolean;

export class SelectorError extends Error {}

/** `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x,y)`, comma-separated (all must hold). */
export function labelMatcher(selector: string | undefined): Matcher {
  const tests = splitTerms(selector).map((term): ((labels: Record<string, string>) => boolean) => {
    let match = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (match) {
      const values = match[3].split(',').map((v) => v.trim());
      const [, key, op] = match;
      return (labels) =>
        op === 'in'
          ? values.includes(labels[key])
          : !(key in labels) || !values.includes(labels[key]);
    }
    match = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(term);
    if (match) {
      const [, key, op, value] = match;
      return (labels) => (op === '!=' ? labels[key] !== value : labels[key] === value);
    }
    match = /^(!?)([\w./-]+)$/.exec(term);
    if (match)
      return (labels) =>
        match?.[1] === '!' ? !(match[2] in labels) : (match?.[2] ?? '') in labels;
    throw new SelectorError(`unable to parse requirement: ${term}`);
  });
  return (object) => tests.every((test) => test(object.metadata?.labels ?? {}));
}

/** `path=value`, `path==value`, `path!=value` on dotted paths (`metadata.name`, `involvedObject.uid`). */
export function fieldMatcher(selector: string | undefined): Matcher {
  const tests = splitTerms(selector).map((term) => {
    const match = /^([^!=]+?)(!=|==|=)(.*)$/.exec(term);
    if (!match) throw new SelectorError(`invalid field selector: ${term}`);
    const [, path, op, value] = match;
    return (object: KubeObject) => {
      const actual = path
        .split('.')
        .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], object);
      const text = actual === undefined || actual === null ? '' : String(actual);
      return op === '!=' ? text !== value : text === value;
    };
  });
  return (object) => tests.every((test) => test(object));
}

/** Splits on commas outside parentheses. */
function splitTerms(selector: string | undefined): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector ?? '') {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) terms.push(current.trim());
  return terms;
}
