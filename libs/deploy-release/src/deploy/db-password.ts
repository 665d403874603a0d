import type { KubeConfig } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { readSecretValues } from '@pakaura/deploy-kube/kube';
import { manifestObjects } from './manifest';

/** The `secrets.dbPassword` the person gives this deploy (values files, then --set), if any. */
export function suppliedDbPassword(
  valuesFiles: readonly string[],
  set: Readonly<Record<string, string>>,
): string | undefined {
  let value: unknown;
  let existingSecret: unknown;
  for (const file of valuesFiles) {
    const values = (parse(readFileSync(file, 'utf8')) ?? {}) as {
      secrets?: { dbPassword?: unknown; existingSecret?: unknown };
    };
    value = values.secrets?.dbPassword ?? value;
    existingSecret = values.secrets?.existingSecret ?? existingSecret;
  }
  value = set['secrets.dbPassword'] ?? value;
  existingSecret = set['secrets.existingSecret'] ?? existingSecret;
  if (existingSecret) return undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * PostgreSQL applies POSTGRES_PASSWORD only when it initialises an empty data directory: a new
 * `secrets.dbPassword` on an installed release would change the Secret the API reads and not the
 * database, and the API would be locked out. This refuses such a change with the way to rotate
 * the password properly. Returns the refusal, or undefined when the password is unchanged or new.
 */
export async function dbPasswordChangeRefusal(
  kc: KubeConfig,
  namespace: string,
  renderedManifest: string,
  supplied: string | undefined,
): Promise<string | undefined> {
  if (supplied === undefined) return undefined;
  const secret = manifestObjects(renderedManifest).find(
    (o) => o['kind'] === 'Secret' && ((o['data'] ?? {}) as Record<string, unknown>)['DB_PASSWORD'],
  );
  const name = (secret?.['metadata'] as { name?: string } | undefined)?.name;
  if (!name) return undefined;
  const live = await readSecretValues(kc, namespace, name).catch((error: Error) => {
    if (/not found/.test(error.message)) return {} as Record<string, string>;
    throw error;
  });
  const current = live['DB_PASSWORD'];
  if (current === undefined || current === supplied) return undefined;
  return [
    `secrets.dbPassword differs from the password the database of this release was initialised with: PostgreSQL reads POSTGRES_PASSWORD only when its volume is empty, so the API would be locked out of its own database. Nothing was changed.`,
    `To rotate it: kubectl exec -n ${namespace} postgresql-0 -- sh -c 'psql -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "ALTER ROLE \\"$POSTGRES_USER\\" PASSWORD '"'"'<new password>'"'"'"', then deploy again with the new secrets.dbPassword.`,
    `To keep the current password, deploy without secrets.dbPassword (the chart keeps the Secret's value).`,
  ].join('\n');
}
