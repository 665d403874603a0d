import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { reason } from './errors';

/**
 * The decoded values of a Secret, by key. Callers compare against them and must never print them
 * (pass them to `redact()` before showing any text that could hold one).
 */
export async function readSecretValues(
  kc: KubeConfig,
  namespace: string,
  name: string,
): Promise<Record<string, string>> {
  let data: Record<string, string> | undefined;
  try {
    data = (await kc.makeApiClient(CoreV1Api).readNamespacedSecret({ name, namespace })).data;
  } catch (error) {
    throw new Error(`Cannot read Secret ${namespace}/${name}: ${reason(error)}`, { cause: error });
  }
  return Object.fromEntries(
    Object.entries(data ?? {}).map(([key, value]) => [
      key,
      Buffer.from(value, 'base64').toString('utf8'),
    ]),
  );
}
