import { CoreV1Api, type KubeConfig, type V1Service } from '@kubernetes/client-node';
import { FRONTEND_HEALTH_PATH, K8S_NAMES } from '@pakaura/contract';
import type { ClusterTarget } from '@pakaura/deploy-kube/cluster';
import { reason } from '@pakaura/deploy-kube/kube';
import { openPortForward } from '@pakaura/deploy-kube/kube';
import { httpRequest } from '../verify/http';
import { throughIngress } from './through-ingress';
import { serviceBackend } from './service-backend';

export { OPEN_APP_COMMAND, OPEN_APP_HINT } from '@pakaura/deploy-kube/open-hint';

export interface OpenAppOptions {
  /** A client for the context the guard let through. */
  kc: KubeConfig;
  context: string;
  namespace: string;
  cluster: ClusterTarget;
  /** Default: process.platform. */
  platform?: NodeJS.Platform;
  /** Port the ingress controller answers on (default 80). */
  ingressPort?: number;
  /** Local port of a port-forward (default: the Service's port, else any free one). */
  localPort?: number;
  /** Go straight to a port-forward, without trying the Ingress. */
  portForward?: boolean;
  /** Bound of each probe (HTTP request, name lookup); default 5 s. */
  timeoutMs?: number;
}

export interface OpenedApp {
  url: string;
  via: 'ingress' | 'port-forward';
  /** How the URL reaches the app, in one line. */
  how: string;
  /** Why the Ingress was not used, and what makes it usable next time. */
  notes: string[];
  /** Ends the port-forward; nothing to end for the Ingress. */
  close(): Promise<void>;
}

/**
 * A URL that opens Pakaura on this machine, proved by a request before it is handed out: the
 * Ingress when it answers here and its host name resolves to where it answers, else a
 * port-forward on 127.0.0.1 to the frontend Service (which also serves `/api`), kept open until
 * `close()`.
 */
export async function openApp(options: OpenAppOptions): Promise<OpenedApp> {
  const service = await readFrontendService(options);
  const notes: string[] = [];
  if (!options.portForward) {
    const ingress = await throughIngress(options, notes);
    if (ingress) return { ...ingress, notes, close: async () => undefined };
  }
  return throughPortForward(options, service, notes);
}

async function readFrontendService(options: OpenAppOptions): Promise<V1Service> {
  const { kc, namespace, context } = options;
  try {
    return await kc
      .makeApiClient(CoreV1Api)
      .readNamespacedService({ name: K8S_NAMES.frontend, namespace });
  } catch (error) {
    if ((error as { code?: number }).code === 404) {
      throw new Error(
        `Service ${K8S_NAMES.frontend} is not in namespace ${namespace} (context ${context}): is Pakaura deployed? Run: npx pakaura setup`,
      );
    }
    throw new Error(`Cannot read Service ${K8S_NAMES.frontend}: ${reason(error)}`, {
      cause: error,
    });
  }
}

async function throughPortForward(
  options: OpenAppOptions,
  service: V1Service,
  notes: string[],
): Promise<OpenedApp> {
  const { kc, namespace } = options;
  const { pod, port } = await serviceBackend(kc, namespace, service);
  const podName = pod.metadata?.name ?? '';
  const servicePort = service.spec?.ports?.[0]?.port ?? port;
  const wanted = options.localPort ?? servicePort;
  const forward = await openPortForward(kc, namespace, podName, port, wanted).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error;
      if (options.localPort !== undefined) {
        throw new Error(`Port ${wanted} on 127.0.0.1 is in use: pass another --port.`);
      }
      notes.push(`Port ${wanted} on 127.0.0.1 is in use, so another free port is used.`);
      return openPortForward(kc, namespace, podName, port);
    },
  );
  const answer = await httpRequest(`${forward.url}${FRONTEND_HEALTH_PATH}`, {
    timeoutMs: options.timeoutMs ?? 5_000,
  }).then(
    (response) => (response.status === 200 ? undefined : `it answered ${response.status}`),
    (error: Error) => forward.lastError() ?? error.message,
  );
  if (answer) {
    await forward.close();
    throw new Error(
      `The frontend did not answer through a port-forward to pod ${podName}:${port} (${answer}). See: npx pakaura status`,
    );
  }
  return {
    url: `${forward.url}/`,
    via: 'port-forward',
    how: `a port-forward to Service ${K8S_NAMES.frontend} (pod ${podName}, port ${port}), as kubectl -n ${namespace} port-forward service/${K8S_NAMES.frontend} ${forward.localPort}:${servicePort} does`,
    notes,
    close: forward.close,
  };
}
