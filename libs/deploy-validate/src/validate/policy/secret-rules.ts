import { isRecord, type ManifestObject } from '../types';
import type { PolicyRule, Violation } from './rule';
import { containersOf, dig, kindOf, podTemplateOf } from './workloads';

/** Words that announce a secret: DB_PASSWORD, JWT_SECRET, COHERE_API_KEY, GITHUB_TOKEN, apiKey... */
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'APIKEY', 'CREDENTIALS']);
const SECRET_PAIRS = ['API KEY', 'PRIVATE KEY', 'ACCESS KEY'];

/** Whether a variable or key name announces a secret, word by word (AI_MAX_TOKENS does not). */
export function namesSecret(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const joined = ` ${words.join(' ')} `;
  return (
    words.some((w) => SECRET_WORDS.has(w)) || SECRET_PAIRS.some((p) => joined.includes(` ${p} `))
  );
}
/** A URL with a password in it: scheme://user:password@host. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;
/** Values shorter than this are too common to be recognised as a leaked secret. */
const MIN_SECRET_LENGTH = 8;

/** Every value held by a Secret of the bundle (decoded), to recognise one pasted elsewhere. */
function secretValues(all: readonly ManifestObject[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const manifest of all) {
    if (kindOf(manifest) !== 'Secret') continue;
    const name = String(dig(manifest.object, 'metadata', 'name') ?? '');
    const data = manifest.object['data'];
    const stringData = manifest.object['stringData'];
    if (isRecord(data)) {
      for (const [key, value] of Object.entries(data)) {
        if (typeof value === 'string') {
          values.set(Buffer.from(value, 'base64').toString('utf8'), `Secret ${name} key ${key}`);
        }
      }
    }
    if (isRecord(stringData)) {
      for (const [key, value] of Object.entries(stringData)) {
        if (typeof value === 'string') values.set(value, `Secret ${name} key ${key}`);
      }
    }
  }
  for (const value of [...values.keys()])
    if (value.length < MIN_SECRET_LENGTH) values.delete(value);
  return values;
}

/** Why `value` (named `name`) looks like a secret, or undefined. */
function secretReason(name: string, value: string, secrets: Map<string, string>) {
  if (namesSecret(name) && value !== '') return `"${name}" names a secret`;
  if (URL_WITH_PASSWORD.test(value)) return 'the value is a URL with a password in it';
  for (const [secret, where] of secrets) {
    if (value.includes(secret)) return `the value holds ${where}`;
  }
  return undefined;
}

export const SECRET_RULES: PolicyRule[] = [
  {
    id: 'no-secret-in-env-value',
    description:
      'Secrets reach containers only through secretKeyRef, never as an inline env value.',
    check({ object }, all) {
      const pod = podTemplateOf(object);
      if (!pod) return [];
      const secrets = secretValues(all);
      return containersOf(pod).flatMap(({ container, path, name }) => {
        const env = Array.isArray(container['env']) ? container['env'] : [];
        return env.flatMap((entry, i): Violation[] => {
          if (!isRecord(entry) || typeof entry['value'] !== 'string') return [];
          const reason = secretReason(String(entry['name']), entry['value'], secrets);
          return reason
            ? [
                {
                  path: `${path}.env[${i}].value`,
                  message: `container "${name}" sets ${String(entry['name'])} inline but ${reason}: read it with valueFrom.secretKeyRef`,
                },
              ]
            : [];
        });
      });
    },
  },
  {
    id: 'no-secret-in-configmap',
    description:
      'ConfigMaps hold no secrets (their values are readable by anyone who can read config).',
    check({ object }, all) {
      if (object['kind'] !== 'ConfigMap' || !isRecord(object['data'])) return [];
      const secrets = secretValues(all);
      return Object.entries(object['data']).flatMap(([key, value]): Violation[] => {
        const reason = typeof value === 'string' ? secretReason(key, value, secrets) : undefined;
        return reason ? [{ path: `data.${key}`, message: `${reason}: move it to a Secret` }] : [];
      });
    },
  },
];
