import {
  API_PORT,
  APP_VERSION,
  CHART_NAME,
  FRONTEND_PORT,
  K8S_NAMES,
  NAMESPACE,
  RELEASE_NAME,
} from '@pakaura/contract';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeSandbox, type FakeSandbox } from '../fakes/sandbox';
import { FakeApi } from './apps/fake-api';
import { FakeFrontend } from './apps/fake-frontend';
import { FakeKube } from './fake-kube';
import { componentLabels, seedPakaura, type SeededSecrets } from './fixtures';
import type { Timing } from './workloads';

export interface PakauraClusterOptions {
  /** Port of an API the test started (e.g. the real one); default: a FakeApi. */
  apiPort?: number;
  timing?: Partial<Timing>;
  /** Chart version of the installed release (default APP_VERSION). */
  chartVersion?: string;
  /** Serve the API over HTTPS with client certificates (FakeKubeOptions.tls). */
  tls?: boolean;
}

/**
 * A whole healthy Pakaura deployment without a cluster: the fake API server seeded with the
 * release's objects, the api pods' port 8000 backed by an API on 127.0.0.1, the frontend pods'
 * port 3000 (and the Ingress address) by a fake frontend, postgresql-0's `psql` answered in-process,
 * and a `helm` on PATH (the fake tools) that knows the release.
 */
export class PakauraCluster {
  /** SQL statements run through `psql` in postgresql-0. */
  readonly sql: string[] = [];

  private constructor(
    readonly kube: FakeKube,
    readonly secrets: SeededSecrets,
    readonly frontend: FakeFrontend,
    readonly api: FakeApi | undefined,
    readonly tools: FakeSandbox,
    private readonly restoreEnv: () => void,
  ) {}

  static async start(options: PakauraClusterOptions = {}): Promise<PakauraCluster> {
    const kube = await FakeKube.start({
      namespace: NAMESPACE,
      timing: { readyAfterMs: 100, terminateAfterMs: 30, ...options.timing },
      tls: options.tls,
    });
    const secrets = seedPakaura(kube);
    const frontend = await FakeFrontend.start();
    const api = options.apiPort === undefined ? await FakeApi.start() : undefined;
    kube.setBackend({ labels: componentLabels('frontend') }, FRONTEND_PORT, frontend.port);
    kube.setBackend(
      { labels: componentLabels('api') },
      API_PORT,
      options.apiPort ?? (api as FakeApi).port,
    );
    const tools = createFakeSandbox({
      kubeconfig: kube.kubeconfigPath,
      tools: ['helm', 'minikube'],
    });
    tools.configure({ apiServer: kube.url });
    await expectOk(tools.exec('minikube', ['start']));
    const chart = join(tools.root, 'chart');
    mkdirSync(chart, { recursive: true });
    writeFileSync(
      join(chart, 'Chart.yaml'),
      `apiVersion: v2\nname: ${CHART_NAME}\nversion: ${options.chartVersion ?? APP_VERSION}\nappVersion: "${APP_VERSION}"\n`,
    );
    await expectOk(
      tools.exec('helm', [
        'upgrade',
        '--install',
        RELEASE_NAME,
        chart,
        '-n',
        NAMESPACE,
        '--create-namespace',
      ]),
    );
    const cluster = new PakauraCluster(kube, secrets, frontend, api, tools, tools.apply());
    kube.onExec(({ pod, command }) => {
      if (pod.metadata.name !== K8S_NAMES.postgresqlPod || command[0] !== 'psql') return undefined;
      cluster.sql.push(command[command.length - 1]);
      return { stdout: 'DELETE 1\n', exitCode: 0 };
    });
    return cluster;
  }

  /** The FakeApi behind the api pods (only when the test did not bring its own API). */
  get fakeApi(): FakeApi {
    if (!this.api) throw new Error('This cluster runs the API the test started, not a FakeApi');
    return this.api;
  }

  /** Options for runVerify() that point at this cluster. */
  verifyOptions() {
    return {
      kubeconfig: this.kube.kubeconfigPath,
      context: this.kube.context,
      ingressPort: this.frontend.port,
      helm: join(this.tools.binDir, 'helm'),
    };
  }

  async close(): Promise<void> {
    this.restoreEnv();
    await this.kube.close();
    await this.frontend.close();
    await this.api?.close();
    this.tools.dispose();
  }
}

async function expectOk(call: Promise<{ exitCode: number; stderr: string }>): Promise<void> {
  const result = await call;
  if (result.exitCode !== 0) throw new Error(`fake tool failed: ${result.stderr}`);
}
