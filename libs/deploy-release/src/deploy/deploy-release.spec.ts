import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppsV1Api } from '@kubernetes/client-node';
import { COMPONENT_LABEL } from '@pakaura/contract';
import { FakeKube, componentLabels, type Pod } from '@pakaura/deploy-kube/testing';
import { createFakeSandbox, type FakeSandbox } from '@pakaura/deploy-kube/testing';
import { writeImageRecord } from '@pakaura/deploy-image';
import { deployRelease, DeployFailedError, type DeployResult } from './deploy-release';
import type { DeployOptions } from './options';

/** Short grace periods, so the tests of transient states stay short. */
const quick = { graceMs: 300, initGraceMs: 500, initLimitMs: 5_000 };

describe('deployRelease', () => {
  let kube: FakeKube;
  let sandbox: FakeSandbox;
  let restore: () => void;
  let workspace: string;
  let lines: string[];

  beforeEach(async () => {
    kube = await FakeKube.start({ namespace: 'pakaura', timing: { readyAfterMs: 600_000 } });
    sandbox = createFakeSandbox({ kubeconfig: kube.kubeconfigPath });
    // minikube's endpoint is the fake API server, so the guard finds the context Configured.
    sandbox.state.saveCluster('minikube', {
      provider: 'minikube',
      name: 'minikube',
      running: true,
      endpoint: kube.url,
    });
    restore = sandbox.apply();
    workspace = mkdtempSync(join(tmpdir(), 'pakaura-deploy-'));
    mkdirSync(join(workspace, 'chart', 'templates'), { recursive: true });
    writeFileSync(
      join(workspace, 'chart', 'Chart.yaml'),
      'apiVersion: v2\nname: pakaura\nversion: 4.0.0\nappVersion: "4.0.0"\n',
    );
    writeFileSync(join(workspace, 'chart', 'templates', 'cm.yaml'), 'kind: ConfigMap\n');
    buildImages('aaaaaaaaaaaa', 'ffffffffffff');
    lines = [];
  });
  afterEach(async () => {
    restore();
    sandbox.dispose();
    await kube.close();
  });

  function buildImages(apiHash: string, frontendHash: string): void {
    for (const [app, hash] of [
      ['api', apiHash],
      ['frontend', frontendHash],
    ] as const) {
      writeImageRecord(workspace, {
        app,
        repository: `pakaura-${app}`,
        tag: `4.0.0-${hash}`,
        contentHash: hash,
        target: 'minikube',
      });
    }
  }

  function options(overrides: Partial<DeployOptions> = {}): DeployOptions {
    return {
      workspaceRoot: workspace,
      chartDir: join(workspace, 'chart'),
      release: 'pakaura',
      namespace: 'pakaura',
      kubeconfig: kube.kubeconfigPath,
      valuesFiles: [],
      set: {},
      apps: ['api', 'frontend'],
      timeout: '5m',
      atomic: true,
      force: false,
      failFast: true,
      helm: 'helm',
      ...overrides,
    };
  }

  const deploy = (overrides: Partial<DeployOptions> = {}): Promise<DeployResult> =>
    deployRelease(options(overrides), { info: (line) => lines.push(line) });
  const podWatches = () =>
    kube.requests.filter((r) => r.path.endsWith('/pods') && r.query.includes('watch=true')).length;
  const helmVerbs = () => sandbox.calls('helm').map((c) => c.args[0]);
  const deployedValues = () =>
    sandbox.state.release('minikube', 'pakaura', 'pakaura')?.revisions.at(-1)?.config;
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('the deploy succeeded');
      },
      (error: unknown) => error as DeployFailedError,
    );

  it('installs with both content tags, then finds the release up to date without calling helm upgrade', async () => {
    const first = await deploy();
    expect(first).toMatchObject({ outcome: 'deployed', context: 'minikube', revision: 1 });
    expect(deployedValues()).toEqual({
      api: { image: { repository: 'pakaura-api', tag: '4.0.0-aaaaaaaaaaaa' } },
      frontend: { image: { repository: 'pakaura-frontend', tag: '4.0.0-ffffffffffff' } },
    });
    const upgrade = sandbox.calls('helm').find((c) => c.args[0] === 'upgrade');
    expect(upgrade?.args.slice(0, 9)).toEqual([
      'upgrade',
      '--install',
      'pakaura',
      join(workspace, 'chart'),
      '--namespace',
      'pakaura',
      '--kube-context',
      'minikube',
      '--kubeconfig',
    ]);

    sandbox.clearCalls();
    const second = await deploy();
    expect(second).toEqual({
      outcome: 'up-to-date',
      context: 'minikube',
      revision: 1,
      digest: first.digest,
    });
    expect(helmVerbs()).toEqual(['status']);
    expect(lines.at(-1)).toMatch(
      /is up to date: same chart, values and images\. Nothing to deploy\.$/,
    );
  });

  it('gives helm the secret values through an owner-only values file, never on its command line, and removes the file', async () => {
    sandbox.configure({ delays: [{ tool: 'helm', command: 'upgrade', ms: 1500 }] });
    const secret = 'db-pass-that-must-stay-hidden';
    const deploying = deploy({
      set: { 'secrets.dbPassword': secret, 'api.replicas': '1' },
      failFast: false,
    });
    const file = await new Promise<string>((resolve, reject) => {
      const poll = setInterval(() => {
        const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
        // This test's helm only (its chart is in this test's workspace): suites running beside
        // this one have helm upgrades of their own.
        const line = ps
          .split('\n')
          .find((l) => l.includes('fake-tool.mjs helm upgrade') && l.includes(workspace));
        if (!line) return;
        clearInterval(poll);
        if (line.includes(secret)) reject(new Error(`the secret is on the command line: ${line}`));
        const values = [...line.matchAll(/--values (\S+)/g)].map((m) => m[1]);
        resolve(values.at(-1) as string);
      }, 20);
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(secret);
    await deploying;
    expect(existsSync(file)).toBe(false);
    const upgrade = sandbox.calls('helm').find((c) => c.args[0] === 'upgrade');
    expect(upgrade?.args.join(' ')).not.toContain(secret);
    expect(upgrade?.args).toContain('api.replicas=1');
    expect(deployedValues()).toMatchObject({
      secrets: { dbPassword: secret },
      api: { replicas: 1 },
    });
  });

  it("restores a workload deleted behind helm's back instead of calling the release up to date", async () => {
    writeFileSync(
      join(workspace, 'chart', 'templates', 'deployment.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 1\n',
    );
    await deploy({ failFast: false });
    kube.workloads.start('deployments', apiDeployment());
    expect(await deploy()).toMatchObject({ outcome: 'up-to-date' });

    await kube
      .kubeConfig()
      .makeApiClient(AppsV1Api)
      .deleteNamespacedDeployment({ name: 'api', namespace: 'pakaura' });
    sandbox.clearCalls();
    expect(await deploy({ failFast: false })).toMatchObject({ outcome: 'deployed', revision: 2 });
    expect(lines).toContain(
      'Release pakaura (revision 1) has the same chart, values and images, but Deployment api no longer exists in the cluster: upgrading to restore it.',
    );
    expect(helmVerbs()).toContain('upgrade');
  });

  it("refuses, before helm runs, an upgrade that changes a StatefulSet's volumeClaimTemplates", async () => {
    writeFileSync(
      join(workspace, 'chart', 'templates', 'statefulset.yaml'),
      [
        'apiVersion: apps/v1',
        'kind: StatefulSet',
        'metadata:',
        '  name: postgresql',
        'spec:',
        '  serviceName: postgresql',
        '  volumeClaimTemplates:',
        '    - metadata:',
        '        name: data',
        '      spec:',
        '        resources:',
        '          requests:',
        '            storage: {{ .Values.size | default "10Gi" }}',
        '',
      ].join('\n'),
    );
    await deploy({ failFast: false });
    sandbox.clearCalls();
    const error = await failureOf(deploy({ set: { size: '20Gi' } }));
    expect(error.message).toBe(
      'Deploy refused: Kubernetes does not allow StatefulSet postgresql spec.volumeClaimTemplates to change on an existing object, so helm would fail half-way. Nothing was changed.',
    );
    expect(error.details[0]).toMatch(
      /^StatefulSet postgresql spec\.volumeClaimTemplates: Kubernetes never changes the claims/,
    );
    expect(helmVerbs()).not.toContain('upgrade');
  });

  it('refuses a secrets.dbPassword that differs from the one the database was initialised with, and says how to rotate it', async () => {
    await deploy({ set: { 'secrets.dbPassword': 'first-password' }, failFast: false });
    writeFileSync(
      join(workspace, 'chart', 'templates', 'secret.yaml'),
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: pakaura-secrets\ndata:\n  DB_PASSWORD: {{ .Values.secrets.dbPassword | b64enc | quote }}\n',
    );
    kube.store.put('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'pakaura-secrets', namespace: 'pakaura' },
      data: { DB_PASSWORD: Buffer.from('first-password').toString('base64') },
    });
    sandbox.clearCalls();
    const error = await failureOf(deploy({ set: { 'secrets.dbPassword': 'second-password' } }));
    expect(error.message).toMatch(
      /^Deploy refused: secrets\.dbPassword differs from the password the database of this release was initialised with: PostgreSQL reads POSTGRES_PASSWORD only when its volume is empty/,
    );
    expect(error.details[0]).toMatch(
      /^To rotate it: kubectl exec -n pakaura postgresql-0 -- sh -c .*ALTER ROLE/,
    );
    expect(`${error.message}${error.details.join('')}`).not.toMatch(
      /first-password|second-password/,
    );
    expect(helmVerbs()).not.toContain('upgrade');
    expect(
      (await deploy({ set: { 'secrets.dbPassword': 'first-password' }, failFast: false })).outcome,
    ).toBe('deployed');
  });

  it('upgrades with the new frontend tag and the same api tag when only the frontend changed', async () => {
    await deploy();
    buildImages('aaaaaaaaaaaa', '111111111111');
    expect(await deploy()).toMatchObject({ outcome: 'deployed', revision: 2 });
    expect(deployedValues()).toMatchObject({
      api: { image: { tag: '4.0.0-aaaaaaaaaaaa' } },
      frontend: { image: { tag: '4.0.0-111111111111' } },
    });
  });

  it('upgrades again when a chart template changes, or when forced', async () => {
    await deploy();
    writeFileSync(join(workspace, 'chart', 'templates', 'cm.yaml'), 'kind: ConfigMap # changed\n');
    expect((await deploy()).outcome).toBe('deployed');
    expect((await deploy()).outcome).toBe('up-to-date');
    expect((await deploy({ force: true })).outcome).toBe('deployed');
  });

  it('fails fast on a crash-looping pod with its events and last log lines, secrets masked, and says the release was rolled back', async () => {
    await deploy();
    kube.store.put('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'pakaura-secrets', namespace: 'pakaura' },
      data: { DB_PASSWORD: Buffer.from('s3cr3t-db-pass').toString('base64') },
    });
    sandbox.configure({ delays: [{ tool: 'helm', command: 'upgrade', ms: 60_000 }] });
    buildImages('bbbbbbbbbbbb', 'ffffffffffff');
    const started = Date.now();
    const watchesBefore = podWatches();
    const failure = failureOf(deploy());

    const revisions = () =>
      sandbox.state.release('minikube', 'pakaura', 'pakaura')?.revisions.length;
    await until(() => podWatches() > watchesBefore && revisions() === 2);
    const [pod] = kube.workloads.start('deployments', apiDeployment(), false);
    crash(pod, 'connecting to postgres://pakaura:s3cr3t-db-pass@postgresql:5432/pakaura failed');

    const error = await failure;
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(error).toBeInstanceOf(DeployFailedError);
    expect(error.message).toBe(
      `Deploy failed: pod ${pod.metadata.name} cannot start, container api is CrashLoopBackOff. The release was rolled back to revision 1 (--atomic): what ran before still runs.`,
    );
    expect(error.details).toEqual([
      `Pod ${pod.metadata.name}: container api is CrashLoopBackOff after 3 restarts: back-off 40s restarting failed container=api`,
      'Events:',
      `  Normal Scheduled: Successfully assigned ${pod.metadata.name} to minikube`,
      '  Warning BackOff: Back-off restarting failed container api',
      'Last log lines of api (the instance that crashed):',
      '  starting pakaura-api 4.0.0',
      '  connecting to postgres://pakaura:***@postgresql:5432/pakaura failed',
      '  DB_PASSWORD=*** rejected',
    ]);
    expect(
      sandbox
        .calls('helm')
        .filter((c) => c.args[0] === 'upgrade')
        .at(-1)?.signal,
    ).toBe('SIGTERM');
    expect(deployedValues()).toMatchObject({ api: { image: { tag: '4.0.0-aaaaaaaaaaaa' } } });
  });

  it('says a container that cannot pull its image never started', async () => {
    sandbox.configure({ delays: [{ tool: 'helm', command: 'upgrade', ms: 60_000 }] });
    const failure = failureOf(deploy());
    await until(() => podWatches() > 0);
    const [pod] = kube.workloads.start('deployments', apiDeployment(), false);
    kube.workloads.setPodStatus('pakaura', pod.metadata.name, {
      waitingReason: 'ErrImageNeverPull',
      waitingMessage:
        'Container image "pakaura-api:4.0.0-aaaaaaaaaaaa" is not present with pull policy of Never',
    });
    const error = await failure;
    expect(error.message).toMatch(
      /container api is ErrImageNeverPull\. Nothing was left installed: helm removed the failed first install \(--atomic\)\.$/,
    );
    expect(error.details.at(-1)).toBe('No logs: container api never started.');
    expect(sandbox.state.release('minikube', 'pakaura', 'pakaura')).toBeUndefined();
  });

  it('ends the deploy within 30 s of an unschedulable pod appearing, with the scheduler events', async () => {
    sandbox.configure({ delays: [{ tool: 'helm', command: 'upgrade', ms: 120_000 }] });
    const failure = failureOf(deploy());
    await until(() => podWatches() > 0);
    const [pod] = kube.workloads.start('deployments', apiDeployment(), false);
    const appeared = Date.now();
    kube.store.update<Pod>('pods', 'pakaura', pod.metadata.name, (p) => {
      p.status.conditions = [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: '0/1 nodes are available: 1 Insufficient cpu.',
        },
      ];
    });
    kube.workloads.recordEvent(
      pod,
      'Warning',
      'FailedScheduling',
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    const error = await failure;
    expect(Date.now() - appeared).toBeLessThan(30_000);
    expect(error.message).toBe(
      `Deploy failed: pod ${pod.metadata.name} cannot be scheduled: 0/1 nodes are available: 1 Insufficient cpu.. Nothing was left installed: helm removed the failed first install (--atomic).`,
    );
    expect(error.details).toContain(
      '  Warning FailedScheduling: 0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('fails on a failed migration Job with the last lines of its failed container', async () => {
    sandbox.configure({ delays: [{ tool: 'helm', command: 'upgrade', ms: 120_000 }] });
    const failure = failureOf(deploy({ stuckPolicy: quick }));
    await until(() => podWatches() > 0);
    const labels = { ...componentLabels('api'), [COMPONENT_LABEL]: 'migration' };
    kube.store.put('jobs', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pakaura-migrate-1', namespace: 'pakaura', labels },
      spec: { template: { spec: { containers: [{ name: 'migrate', image: 'pakaura-api' }] } } },
      status: { failed: 1 },
    });
    const pod = kube.store.put<Pod>('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'pakaura-migrate-1-x7k2p',
        namespace: 'pakaura',
        labels: { ...labels, 'batch.kubernetes.io/job-name': 'pakaura-migrate-1' },
      },
      spec: { containers: [{ name: 'migrate', image: 'pakaura-api' }] },
      status: {
        phase: 'Failed',
        containerStatuses: [
          { name: 'migrate', state: { terminated: { exitCode: 1, reason: 'Error' } } },
        ],
      },
    });
    kube.appendLog(pod.metadata.name, 'applying 0004_tasks_position.sql', 'migrate');
    kube.appendLog(pod.metadata.name, 'error: column "position" already exists', 'migrate');
    kube.store.update('jobs', 'pakaura', 'pakaura-migrate-1', (job) => {
      (job as Pod).status.conditions = [
        {
          type: 'Failed',
          status: 'True',
          reason: 'BackoffLimitExceeded',
          message: 'Job has reached the specified backoff limit',
        },
      ];
    });
    const error = await failure;
    expect(error.message).toMatch(
      /^Deploy failed: Job pakaura-migrate-1 failed \(BackoffLimitExceeded: Job has reached the specified backoff limit\); its pod pakaura-migrate-1-x7k2p, container migrate, failed\./,
    );
    expect(error.details.slice(-3)).toEqual([
      'Last log lines of migrate:',
      '  applying 0004_tasks_position.sql',
      '  error: column "position" already exists',
    ]);
  });

  it('fails on an init container still waiting once the rest of the release is ready, with its own log lines', async () => {
    sandbox.configure({ delays: [{ tool: 'helm', command: 'upgrade', ms: 120_000 }] });
    const failure = failureOf(deploy({ stuckPolicy: quick }));
    await until(() => podWatches() > 0);
    const [pod] = kube.workloads.start('deployments', apiDeployment(), false);
    kube.workloads.stop();
    kube.store.update<Pod>('pods', 'pakaura', pod.metadata.name, (p) => {
      p.status.initContainerStatuses = [
        {
          name: 'wait-for-db',
          ready: false,
          restartCount: 0,
          state: { running: { startedAt: new Date().toISOString() } },
        },
      ];
    });
    kube.store.update<Pod>('pods', 'pakaura', pod.metadata.name, (p) => {
      p.spec.initContainers = [{ name: 'wait-for-db', image: 'postgres:16-alpine' }];
    });
    kube.appendLog(pod.metadata.name, 'waiting for PostgreSQL at postgresql:5432', 'wait-for-db');
    const error = await failure;
    expect(error.message).toMatch(
      new RegExp(
        `^Deploy failed: pod ${pod.metadata.name} cannot start: init container wait-for-db has been running for \\d+ s and has not finished\\.`,
      ),
    );
    expect(error.details.slice(-2)).toEqual([
      'Last log lines of wait-for-db:',
      '  waiting for PostgreSQL at postgresql:5432',
    ]);
  });

  it("shows each component's ready pods of those wanted and the state of the pods not ready, one line per change", async () => {
    sandbox.configure({ delays: [{ tool: 'helm', command: 'upgrade', ms: 3_000 }] });
    const deploying = deploy({ stuckPolicy: quick });
    await until(() => podWatches() > 0);
    kube.workloads.start('deployments', apiDeployment(), false);
    await deploying;
    const progress = lines.filter((l) => l.startsWith('  ['));
    expect(progress[0]).toMatch(/^ {2}\[0:0\d\] (no pods yet|api 0\/1)/);
    expect(
      progress.some((l) => /api 0\/1 \| not ready: api-[\w-]+ ContainerCreating$/.test(l)),
    ).toBe(true);
    expect(new Set(progress.map((l) => l.replace(/^ {2}\[\d+:\d+\] /, ''))).size).toBe(
      progress.length,
    );
  });

  it('does not fail on a pod that was already broken before the deploy and is being replaced', async () => {
    await deploy();
    const [old] = kube.workloads.start('deployments', apiDeployment(), false);
    crash(old, 'old failure');
    buildImages('cccccccccccc', 'ffffffffffff');
    expect((await deploy()).outcome).toBe('deployed');
  });

  function leavePending(status: string, minutesAgo: number, revisionStatus?: string): void {
    const release = sandbox.state.release('minikube', 'pakaura', 'pakaura');
    if (!release) throw new Error('no release to leave pending');
    const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const last = release.revisions.at(-1) as (typeof release.revisions)[number];
    const pending = {
      ...last,
      version: last.version + 1,
      info: { ...last.info, status, last_deployed: at, description: 'Preparing upgrade' },
    };
    const revisions = revisionStatus
      ? [{ ...last, info: { ...last.info, status: revisionStatus, last_deployed: at } }]
      : [...release.revisions, pending];
    sandbox.state.saveRelease('minikube', { ...release, revisions });
  }

  it('rolls a pending upgrade a killed deploy left behind back to the last deployed revision, then upgrades', async () => {
    await deploy();
    leavePending('pending-upgrade', 30);
    buildImages('eeeeeeeeeeee', 'ffffffffffff');
    sandbox.clearCalls();
    expect(await deploy({ failFast: false })).toMatchObject({ outcome: 'deployed', revision: 4 });
    expect(lines).toContain(
      'Release pakaura was left pending-upgrade at revision 2 by a deploy that stopped 30 min ago; recovering with: helm rollback pakaura 1 --namespace pakaura --kube-context minikube --kubeconfig ' +
        kube.kubeconfigPath,
    );
    expect(helmVerbs()).toEqual([
      'status',
      'history',
      'rollback',
      'status',
      'version',
      // The upgrade check renders the chart as an upgrade of the deployed revision first.
      'template',
      'upgrade',
      'status',
    ]);
    expect(deployedValues()).toMatchObject({ api: { image: { tag: '4.0.0-eeeeeeeeeeee' } } });
  });

  it('uninstalls a pending first install (helm rollback cannot fix it) and installs again', async () => {
    await deploy();
    leavePending('pending-install', 30, 'pending-install');
    expect(await deploy({ failFast: false })).toMatchObject({ outcome: 'deployed', revision: 1 });
    expect(lines.find((l) => l.startsWith('Release pakaura was left pending-install'))).toMatch(
      /recovering with: helm uninstall pakaura --namespace pakaura --kube-context minikube/,
    );
    expect(helmVerbs()).toContain('uninstall');
    expect(helmVerbs()).not.toContain('rollback');
  });

  it('refuses a release pending for less than the deploy timeout, with the exact command for its state', async () => {
    await deploy();
    leavePending('pending-upgrade', 1);
    sandbox.clearCalls();
    await expect(deploy()).rejects.toThrow(
      /^Release pakaura is pending-upgrade at revision 2 since \d+ s: another deploy may still be running\. Wait for it; if it was stopped, run: helm rollback pakaura 1 --namespace pakaura --kube-context minikube --kubeconfig \S+ and deploy again\.$/,
    );
    expect(helmVerbs()).toEqual(['status', 'history']);
  });

  it('explains a Helm 4 server-side apply conflict after kubectl scale, and forces it only when told', async () => {
    sandbox.configure({ versions: { helm: 'v4.1.4' } });
    await deploy({ failFast: false });
    sandbox.configure({
      versions: { helm: 'v4.1.4' },
      failures: [
        {
          tool: 'helm',
          command: 'upgrade',
          times: 1,
          stderr:
            'conflict occurred while applying object pakaura/api apps/v1, Kind=Deployment: Apply failed with 1 conflict: conflict with "kubectl" using apps/v1: .spec.replicas',
        },
      ],
    });
    buildImages('999999999999', 'ffffffffffff');
    const error = await failureOf(deploy({ failFast: false }));
    expect(error.message).toBe(
      'Deploy failed: another tool changed .spec.replicas (changed by kubectl) since the last deploy, and helm will not overwrite it without --force-conflicts. The release was rolled back to revision 1 (--atomic): what ran before still runs.',
    );
    expect(error.details[1]).toMatch(/^Choose: deploy again with forceConflicts/);
    expect(
      sandbox
        .calls('helm')
        .filter((c) => c.args[0] === 'upgrade')
        .at(-1)?.args,
    ).not.toContain('--force-conflicts');
    expect(await deploy({ failFast: false, forceConflicts: true })).toMatchObject({
      outcome: 'deployed',
    });
    expect(
      sandbox
        .calls('helm')
        .filter((c) => c.args[0] === 'upgrade')
        .at(-1)?.args,
    ).toContain('--force-conflicts');
  });

  it('states what helm left behind when the upgrade itself fails', async () => {
    await deploy();
    sandbox.configure({
      failures: [
        { tool: 'helm', command: 'upgrade', stderr: 'timed out waiting for the condition' },
      ],
    });
    buildImages('dddddddddddd', 'ffffffffffff');
    const error = await failureOf(deploy({ atomic: false }));
    expect(error.message).toMatch(
      /^Deploy failed: helm upgrade failed: Error: UPGRADE FAILED: timed out waiting for the condition The release is left at revision 2 in state failed: fix the cause and deploy again, or roll back with: helm rollback pakaura -n pakaura --kube-context minikube$/,
    );
  });

  it('refuses a context called minikube that points at another server, before running helm', async () => {
    sandbox.addContext('minikube', 'https://127.0.0.1:9');
    await expect(deploy()).rejects.toThrow(
      /^Refusing to deploy to kube context "minikube": its server https:\/\/127\.0\.0\.1:9 is not the one minikube reports/,
    );
    expect(sandbox.calls('helm')).toEqual([]);
  });

  it("deploys through the local cluster's own context when the current one is another", async () => {
    sandbox.addContext('prod-eu', 'https://127.0.0.1:9');
    expect(await deploy({ failFast: false })).toMatchObject({
      outcome: 'deployed',
      context: 'minikube',
    });
  });

  it('deploys to a non-local context the person names explicitly', async () => {
    sandbox.addContext('prod-eu', kube.url);
    sandbox.state.saveCluster('prod-eu', { provider: 'kind', name: 'prod-eu', running: true });
    expect(await deploy({ context: 'prod-eu', failFast: false })).toMatchObject({
      outcome: 'deployed',
      context: 'prod-eu',
    });
  });

  it('tells to start the cluster when the minikube profile is stopped, before running helm', async () => {
    sandbox.state.saveCluster('minikube', {
      provider: 'minikube',
      name: 'minikube',
      running: false,
      endpoint: kube.url,
    });
    await expect(deploy()).rejects.toThrow(
      /^Refusing to deploy to kube context "minikube": minikube profile "minikube" is not running.* Start it: nx run local-cluster:cluster\./,
    );
    expect(sandbox.calls('helm')).toEqual([]);
  });

  it('names the target that builds a missing image', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'pakaura-deploy-'));
    await expect(deploy({ workspaceRoot: bare })).rejects.toThrow(
      /Run: nx run api-container:image$/,
    );
  });

  it('says how to install helm when it is missing', async () => {
    restore();
    const bare = createFakeSandbox({
      tools: ['kubectl', 'minikube'],
      inheritPath: false,
      kubeconfig: kube.kubeconfigPath,
    });
    bare.state.saveCluster('minikube', {
      provider: 'minikube',
      name: 'minikube',
      running: true,
      endpoint: kube.url,
    });
    const undo = bare.apply();
    try {
      await expect(deploy()).rejects.toThrow(
        'helm was not found on PATH. Install Helm 3.14+ (https://helm.sh/docs/intro/install/).',
      );
    } finally {
      undo();
      bare.dispose();
      restore = sandbox.apply();
    }
  });

  function apiDeployment() {
    const labels = componentLabels('api');
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: 'pakaura', labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'api', image: 'pakaura-api' }] },
        },
      },
    };
  }

  function crash(pod: Pod, logLine: string): void {
    kube.appendLog(pod.metadata.name, 'starting pakaura-api 4.0.0', 'api');
    kube.appendLog(pod.metadata.name, logLine, 'api');
    kube.appendLog(pod.metadata.name, 'DB_PASSWORD=s3cr3t-db-pass rejected', 'api');
    kube.workloads.recordEvent(
      pod,
      'Warning',
      'BackOff',
      'Back-off restarting failed container api',
    );
    kube.workloads.setPodStatus('pakaura', pod.metadata.name, {
      restartCount: 3,
      waitingReason: 'CrashLoopBackOff',
      waitingMessage: 'back-off 40s restarting failed container=api',
    });
  }
});

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
