import { CoreV1Api } from '@kubernetes/client-node';
import { K8S_NAMES } from '@pakaura/contract';
import { execInPod } from '@pakaura/deploy-kube/kube';
import { reason } from '@pakaura/deploy-kube/kube';
import type { CheckContext } from './types';

/** Only addresses registerTestUser() makes: they go into SQL as a literal. */
const TEST_EMAIL = /^verify-[0-9a-f]+@pakaura\.test$/;

/**
 * Removes a test user (and, through the schema's cascade, what it owns) with psql inside
 * postgresql-0, since the API has no route that deletes an account. A failure is recorded as
 * evidence, not as a failed check: the deployment is not wrong because cleanup could not run.
 */
export async function deleteTestUser(ctx: CheckContext, email: string): Promise<void> {
  if (!TEST_EMAIL.test(email))
    throw new Error(`Refusing to delete ${email}: not a verify test user`);
  try {
    const config = await ctx.kc
      .makeApiClient(CoreV1Api)
      .readNamespacedConfigMap({ name: K8S_NAMES.configMap, namespace: ctx.namespace });
    const { DB_USER: user = 'pakaura', DB_NAME: database = 'pakaura' } = config.data ?? {};
    const out = await execInPod(ctx.kc, {
      namespace: ctx.namespace,
      pod: K8S_NAMES.postgresqlPod,
      command: [
        'psql',
        '-U',
        user,
        '-d',
        database,
        '-v',
        'ON_ERROR_STOP=1',
        '-tAc',
        `DELETE FROM users WHERE email = '${email}'`,
      ],
      timeoutMs: ctx.timeouts.requestMs,
    });
    ctx.evidence(
      out.exitCode === 0
        ? `cleanup: test user ${email} deleted (${out.stdout.trim() || 'ok'})`
        : `cleanup: test user ${email} left behind: ${(out.stderr || out.stdout).trim().split('\n').pop()}`,
    );
  } catch (error) {
    ctx.evidence(`cleanup: test user ${email} left behind: ${reason(error)}`);
  }
}
