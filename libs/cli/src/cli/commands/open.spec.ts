import { K8S_NAMES } from '@pakaura/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testContext } from '../../../test/cli/test-context';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
import { openApp } from '@pakaura/deploy-verify/reach';
import { resolveClusterTarget } from '@pakaura/deploy-kube/cluster';
import { loadKubeConfig } from '@pakaura/deploy-kube/kube';
import { httpRequest } from '@pakaura/deploy-verify';
import type { CliContext } from '../command';
import { main } from '../main';

describe('pakaura open', () => {
  let cluster: PakauraCluster;
  beforeEach(async () => {
    cluster = await PakauraCluster.start();
  });
  afterEach(() => cluster.close());

  /** Runs `pakaura open` until it has printed its URL; `stop()` is the person's Ctrl-C. */
  const start = async (argv: string[], overrides: Partial<CliContext> = {}) => {
    const interrupt = new AbortController();
    const context = testContext({ signal: interrupt.signal, ...overrides });
    const done = main(['open', ...argv], context);
    let code: number | undefined;
    void done.then((c) => (code = c));
    while (code === undefined && !context.lines.some((l) => l.startsWith('Pakaura is at '))) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const url = context.lines.find((l) => l.startsWith('Pakaura is at '))?.slice(14);
    return {
      url,
      out: context.lines,
      err: context.errors,
      running: () => code === undefined,
      stop: async () => {
        interrupt.abort();
        return done;
      },
    };
  };
  const ingressPort = () => ['--ingress-port', String(cluster.frontend.port)];
  const setIngress = (host: string, address: string) =>
    cluster.kube.store.update('ingresses', 'pakaura', K8S_NAMES.ingress, (ingress) => {
      const spec = ingress['spec'] as { rules: { host?: string }[] };
      spec.rules[0].host = host;
      ingress['status'] = { loadBalancer: { ingress: [{ ip: address }] } };
    });

  it('forwards a local port to the frontend Service when the Ingress host does not resolve here, and says how to map it', async () => {
    const open = await start(['--port', '0', ...ingressPort()]);
    expect(open.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(open.out[1]).toMatch(
      /^ {2}via a port-forward to Service frontend \(pod frontend-[\w-]+, port 3000\), as kubectl -n pakaura port-forward service\/frontend \d+:3000 does\.$/,
    );
    expect(open.out).toContain(
      '  Not through Ingress pakaura: pakaura.local does not resolve to 127.0.0.1 on this machine. To open http://pakaura.local/ instead, map the name once: echo "127.0.0.1 pakaura.local" | sudo tee -a /etc/hosts',
    );
    const login = await httpRequest(`${open.url}login`, { timeoutMs: 5_000 });
    expect(login.text).toContain('type="password"');
    expect(open.running()).toBe(true);
    expect(await open.stop()).toBe(0);
    await expect(httpRequest(`${open.url}login`, { timeoutMs: 2_000 })).rejects.toThrow();
  });

  it('prints the Ingress URL and exits when the controller answers and the host resolves to it', async () => {
    setIngress('localhost', '127.0.0.1');
    const open = await start(ingressPort());
    expect(open.url).toBe(`http://localhost:${cluster.frontend.port}/`);
    expect(open.out[1]).toBe(
      "  via Ingress pakaura through the Ingress address (minikube's node, docker driver).",
    );
    expect(await open.stop()).toBe(0);
  });

  it('goes through a port-forward when nothing answers at the Ingress address, and says what to start', async () => {
    setIngress('localhost', '127.0.0.2');
    const open = await start(['--port', '0', ...ingressPort()]);
    expect(open.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(open.out.join('\n')).toContain(
      `Not through Ingress pakaura: nothing serves localhost at 127.0.0.2:${cluster.frontend.port} (connect ECONNREFUSED 127.0.0.2:${cluster.frontend.port}). Is the ingress addon running? Run: nx run local-cluster:addon-ingress`,
    );
    expect(await open.stop()).toBe(0);
  });

  it('on kind reaches the Ingress on 127.0.0.1, where the kind config publishes port 80, without asking minikube', async () => {
    setIngress('localhost', 'localhost');
    cluster.tools.clearCalls();
    const open = await start([
      '--provider',
      'kind',
      '--context',
      cluster.kube.context,
      ...ingressPort(),
    ]);
    expect(open.url).toBe(`http://localhost:${cluster.frontend.port}/`);
    expect(open.out[1]).toMatch(/via Ingress pakaura through the kind node's port 80/);
    expect(cluster.tools.calls('minikube')).toEqual([]);
    await open.stop();
  });

  it("uses 127.0.0.1 for minikube's docker driver on macOS, where `minikube tunnel` serves the Ingress", async () => {
    setIngress('localhost', '127.0.0.2');
    const kc = loadKubeConfig({ kubeconfig: cluster.kube.kubeconfigPath, context: 'minikube' });
    const app = await openApp({
      kc,
      context: 'minikube',
      namespace: 'pakaura',
      cluster: resolveClusterTarget({}),
      platform: 'darwin',
      ingressPort: cluster.frontend.port,
    });
    expect(app.url).toBe(`http://localhost:${cluster.frontend.port}/`);
    expect(app.how).toBe('Ingress pakaura through `minikube tunnel` (the docker driver on macOS)');
  });

  it('opens the browser only when asked and a person is at a terminal', async () => {
    setIngress('localhost', '127.0.0.1');
    const opened: string[] = [];
    const browse = async (url: string) => void opened.push(url);
    await (await start([...ingressPort(), '--browser'], { browse })).stop();
    expect(opened).toEqual([]);
    const interactive = await start([...ingressPort(), '--browser'], { browse, interactive: true });
    await interactive.stop();
    expect(opened).toEqual([`http://localhost:${cluster.frontend.port}/`]);
  });

  it('refuses a context called minikube that points at another server, by name', async () => {
    cluster.tools.addContext('minikube', 'https://127.0.0.1:9');
    const open = await start([]);
    expect(await open.stop()).toBe(1);
    expect(open.err[0]).toMatch(
      /^Refusing to open the app through kube context "minikube": its server https:\/\/127\.0\.0\.1:9 is not the one minikube reports/,
    );
  });

  it('says how to deploy when the frontend Service is not there', async () => {
    const open = await start(['--namespace', 'elsewhere']);
    expect(await open.stop()).toBe(1);
    expect(open.err).toEqual([
      'Service frontend is not in namespace elsewhere (context minikube): is Pakaura deployed? Run: npx pakaura setup',
    ]);
  });
});
