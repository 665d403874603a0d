import { isRecord, joinPath } from './types';
import type { FieldProblem } from './unknown-fields';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Kinds whose names the API server checks as a DNS-1035 label (they become DNS names). */
const DNS_1035_KINDS = new Set(['Service']);
/** Kinds whose names must be a DNS-1123 label rather than a subdomain. */
const DNS_LABEL_KINDS = new Set(['Namespace', 'StatefulSet', 'Job', 'CronJob']);

/**
 * What the API server's object-meta validation rejects and the JSON schemas do not check: a missing
 * name, malformed names, label keys and values, and a namespace on a cluster-scoped object.
 */
export function metadataProblems(kind: string, metadata: unknown, namespaced: boolean) {
  const problems: FieldProblem[] = [];
  if (!isRecord(metadata)) return [{ path: 'metadata', message: 'is required' }];
  const name = metadata['name'];
  if (typeof name !== 'string' || name === '') {
    if (typeof metadata['generateName'] !== 'string') {
      problems.push({ path: 'metadata.name', message: 'is required' });
    }
  } else {
    const [pattern, max, what] = DNS_1035_KINDS.has(kind)
      ? [
          DNS_1035_LABEL,
          63,
          'a DNS-1035 label (lower case letters, digits, "-", starting with a letter)',
        ]
      : DNS_LABEL_KINDS.has(kind)
        ? [DNS_LABEL, 63, 'a DNS-1123 label (lower case letters, digits, "-")']
        : [DNS_SUBDOMAIN, 253, 'a DNS-1123 subdomain (lower case letters, digits, "-", ".")'];
    if (!pattern.test(name) || name.length > max) {
      problems.push({
        path: 'metadata.name',
        message: `"${name}" must be ${what} of at most ${max} characters`,
      });
    }
  }
  if (!namespaced && metadata['namespace'] !== undefined) {
    problems.push({
      path: 'metadata.namespace',
      message: `must not be set: ${kind} is cluster-scoped`,
    });
  }
  problems.push(...labelProblems(metadata['labels'], 'metadata.labels'));
  return problems;
}

/** Label keys (optional DNS prefix + name) and values, as the API server checks them. */
export function labelProblems(labels: unknown, path: string): FieldProblem[] {
  if (!isRecord(labels)) return [];
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    const keyOk =
      LABEL_NAME.test(name) &&
      name.length <= 63 &&
      (prefix === undefined || (DNS_SUBDOMAIN.test(prefix) && prefix.length <= 253));
    if (!keyOk)
      problems.push({ path: joinPath(path, key), message: `"${key}" is not a valid label key` });
    if (typeof value === 'string' && (!LABEL_VALUE.test(value) || value.length > 63)) {
      problems.push({
        path: joinPath(path, key),
        message: `"${value}" is not a valid label value (at most 63 letters, digits, "-", "_", ".")`,
      });
    }
  }
  return problems;
}
