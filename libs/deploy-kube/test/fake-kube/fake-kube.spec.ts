import { CoreV1Api, Exec, PortForward, Watch, type V1Pod } from '@kubernetes/client-node';
import { K8S_NAMES, NAMESPACE } from '@pakaura/contract';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeKube } from './fake-kube';
import { seedPakaura } from './fixtures';
import type { Pod } from './workloads';

let kube: FakeKube;
let core: CoreV1Api;

beforeEach(async () => {
  kube = await FakeKube.start({
    namespace: NAMESPACE,
    timing: { readyAfterMs: 100, terminateAfterMs: 30 },
  });
  seedPakaura(kube);
  core = kube.kubeConfig().makeApiClient(CoreV1Api);
});
afterEach(() => kube.close());

const isReady = (pod: V1Pod) =>
  pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

describe('fake Kubernetes API server', () => {
  it('serves the seeded pods to client-node, filtered by label selector', async () => {
    const all = await core.listNamespacedPod({ namespace: NAMESPACE });
    const api = await core.listNamespacedPod({ namespace: NAMESPACE, labelSelector: 'app=api' });
    expect(all.items).toHaveLength(5);
    expect(api.items).toHaveLength(2);
    expect(api.items.every(isReady)).toBe(true);
    expect(all.items.map((p) => p.metadata?.name)).toContain(K8S_NAMES.postgresqlPod);
  });

  it('refuses a request without the kubeconfig token', async () => {
    const response = await fetch(`${kube.url}/api/v1/namespaces/${NAMESPACE}/pods`);
    expect(response.status).toBe(401);
  });

  it('answers a watch from a compacted resourceVersion with 200 and one ERROR event carrying 410 Expired', async () => {
    const list = await core.listNamespacedPod({ namespace: NAMESPACE });
    kube.deleteObject('pods', NAMESPACE, list.items[0].metadata?.name as string);
    kube.store.compact();
    const response = await fetch(
      `${kube.url}/api/v1/namespaces/${NAMESPACE}/pods?watch=true&resourceVersion=${list.metadata?.resourceVersion}`,
      { headers: { authorization: `Bearer ${kube.token}` } },
    );
    expect(response.status).toBe(200);
    const [event, ...rest] = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      type: 'ERROR',
      object: { kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 },
    });
    expect(event.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });

  it('answers 404 with a Status for a pod that does not exist', async () => {
    const error = await core
      .readNamespacedPod({ name: 'nope', namespace: NAMESPACE })
      .catch((e) => e);
    expect(error.code).toBe(404);
    expect(error.body).toContain('pods \\"nope\\" not found');
  });

  it('replaces a deleted Deployment pod with a new one that becomes Ready, seen through a watch', async () => {
    const list = await core.listNamespacedPod({ namespace: NAMESPACE, labelSelector: 'app=api' });
    const victim = list.items[0].metadata?.name as string;
    const seen: string[] = [];
    const replacementReady = new Promise<string>((resolve) => {
      void new Watch(kube.kubeConfig()).watch(
        `/api/v1/namespaces/${NAMESPACE}/pods`,
        { labelSelector: 'app=api', resourceVersion: list.metadata?.resourceVersion },
        (type, pod: V1Pod) => {
          seen.push(`${type} ${pod.metadata?.name}`);
          if (type !== 'DELETED' && pod.metadata?.name !== victim && isReady(pod)) {
            resolve(pod.metadata?.name as string);
          }
        },
        () => undefined,
      );
    });
    await core.deleteNamespacedPod({ name: victim, namespace: NAMESPACE });
    const replacement = await replacementReady;
    expect(replacement).not.toBe(victim);
    expect(seen).toContain(`MODIFIED ${victim}`);
    await expect.poll(() => kube.pods(NAMESPACE, 'app=api').length).toBe(2);
  });

  it('brings a deleted StatefulSet pod back under the same name with the same volume claim', async () => {
    const before = await core.readNamespacedPod({
      name: K8S_NAMES.postgresqlPod,
      namespace: NAMESPACE,
    });
    await core.deleteNamespacedPod({ name: K8S_NAMES.postgresqlPod, namespace: NAMESPACE });
    await expect
      .poll(async () => {
        const pod = await core
          .readNamespacedPod({ name: K8S_NAMES.postgresqlPod, namespace: NAMESPACE })
          .catch(() => undefined);
        return pod && pod.metadata?.uid !== before.metadata?.uid && isReady(pod);
      })
      .toBe(true);
    const after = await core.readNamespacedPod({
      name: K8S_NAMES.postgresqlPod,
      namespace: NAMESPACE,
    });
    // The StatefulSet controller appends one volume per claim template to the template's own
    // (pkg/controller/statefulset/stateful_set_utils.go, updateStorage).
    const data = after.spec?.volumes?.find((v) => v.name === 'data');
    expect(data?.persistentVolumeClaim?.claimName).toBe('data-postgresql-0');
  });

  it("keeps a deleted pod Terminating for its own grace period (scaled), or the delete's gracePeriodSeconds", async () => {
    // beforeEach: terminateAfterMs 30 stands for the default 30 s grace period.
    const gone = (name: string) => kube.pods(NAMESPACE).every((p) => p.metadata.name !== name);
    const database = kube.store.get<Pod>('pods', NAMESPACE, K8S_NAMES.postgresqlPod) as Pod;
    expect(database.spec.terminationGracePeriodSeconds).toBe(60); // the chart's own
    await core.deleteNamespacedPod({ name: K8S_NAMES.postgresqlPod, namespace: NAMESPACE });
    const terminating = kube.store.get<Pod>('pods', NAMESPACE, K8S_NAMES.postgresqlPod) as Pod;
    expect(terminating.metadata['deletionGracePeriodSeconds']).toBe(60);
    // The StatefulSet brings the pod back under the same name: tell them apart by uid.
    const stillTerminating = () =>
      kube.store.get<Pod>('pods', NAMESPACE, K8S_NAMES.postgresqlPod)?.metadata.uid ===
      database.metadata.uid;
    await new Promise((resolve) => setTimeout(resolve, 35));
    expect(stillTerminating()).toBe(true); // 60 s of grace: 60 ms here
    await expect.poll(stillTerminating).toBe(false);

    const [api] = kube.pods(NAMESPACE, 'app=api');
    kube.workloads.replaceDeletedPods = false;
    await core.deleteNamespacedPod({
      name: api.metadata.name,
      namespace: NAMESPACE,
      gracePeriodSeconds: 0,
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(gone(api.metadata.name)).toBe(true);
  });

  it('leaves a deleted pod gone when replacement is switched off', async () => {
    kube.workloads.replaceDeletedPods = false;
    const [victim] = kube.pods(NAMESPACE, 'app=frontend');
    await core.deleteNamespacedPod({ name: victim.metadata.name, namespace: NAMESPACE });
    await expect.poll(() => kube.pods(NAMESPACE, 'app=frontend').length).toBe(1);
  });

  it('returns the last log lines of a pod and its events', async () => {
    const [pod] = kube.pods(NAMESPACE, 'app=api');
    kube.appendLog(pod.metadata.name, 'second line');
    const log = await core.readNamespacedPodLog({
      name: pod.metadata.name,
      namespace: NAMESPACE,
      tailLines: 1,
    });
    expect(log).toBe('second line\n');
    const events = await core.listNamespacedEvent({
      namespace: NAMESPACE,
      fieldSelector: `involvedObject.name=${pod.metadata.name}`,
    });
    expect(events.items.map((e) => e.reason)).toEqual(
      expect.arrayContaining(['Scheduled', 'Started']),
    );
  });

  it('runs node for real in an exec and reports a missing program with its exit code', async () => {
    const [pod] = kube.pods(NAMESPACE, 'app=api');
    const ok = await execIn(pod.metadata.name, ['node', '-e', 'process.stdout.write("hi")']);
    const missing = await execIn(pod.metadata.name, ['curl', 'http://localhost:8000']);
    expect(ok).toEqual({ stdout: 'hi', status: 'Success' });
    expect(missing.status).toBe('Failure');
  });

  it('forwards a pod port to the backend a test serves on 127.0.0.1', async () => {
    const app = await serve('hello from the pod');
    kube.setBackend({ labels: { app: 'frontend' } }, 3000, (app.address() as AddressInfo).port);
    const [pod] = kube.pods(NAMESPACE, 'app=frontend');
    const forward = new PortForward(kube.kubeConfig());
    const local = createTcpServer((socket) => {
      void forward.portForward(NAMESPACE, pod.metadata.name, [3000], socket, null, socket);
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    const response = await fetch(`http://127.0.0.1:${(local.address() as AddressInfo).port}/`, {
      headers: { connection: 'close' },
    });
    expect(await response.text()).toBe('hello from the pod');
    local.close();
    app.close();
  });
});

async function execIn(pod: string, command: string[]): Promise<{ stdout: string; status: string }> {
  let stdout = '';
  const sink = new Writable({ write: (chunk, _e, done) => ((stdout += chunk), done()) });
  return new Promise((resolve) => {
    void new Exec(kube.kubeConfig()).exec(
      NAMESPACE,
      pod,
      'api',
      command,
      sink,
      new PassThrough(),
      null,
      false,
      (s) => resolve({ stdout, status: s.status as string }),
    );
  });
}

async function serve(body: string): Promise<Server> {
  const server = createServer((_req, res) => res.end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
