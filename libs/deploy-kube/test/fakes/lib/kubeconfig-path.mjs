import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The kubeconfig a real tool would read: `--kubeconfig`, else the first file of $KUBECONFIG, else ~/.kube/config. */
export function kubeconfigPath(explicit, env = process.env) {
  if (explicit) return explicit;
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).find(Boolean);
  return fromEnv ?? join(homedir(), '.kube', 'config');
}
