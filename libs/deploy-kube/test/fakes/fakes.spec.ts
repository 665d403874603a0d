import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSandbox, type FakeSandbox } from './sandbox';

describe('fake tools', () => {
  let sandbox: FakeSandbox;
  beforeEach(() => {
    sandbox = createFakeSandbox();
  });
  afterEach(() => sandbox.dispose());

  /** `helm upgrade --install demo <chart> -n apps --create-namespace <flag>`. */
  const installDemo = (chart: string, flag: string) => [
    'upgrade',
    '--install',
    'demo',
    chart,
    '-n',
    'apps',
    '--create-namespace',
    flag,
  ];

  function writeChart(): string {
    const dir = join(sandbox.root, 'chart');
    mkdirSync(join(dir, 'templates'), { recursive: true });
    writeFileSync(
      join(dir, 'Chart.yaml'),
      'apiVersion: v2\nname: demo\nversion: 1.2.3\nappVersion: "1.2.3"\n',
    );
    writeFileSync(
      join(dir, 'templates', 'cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  tag: {{ .Values.tag | quote }}\n',
    );
    return dir;
  }

  it('reports a missing minikube profile, then a running cluster after start, like minikube status', async () => {
    const before = await sandbox.exec('minikube', ['status', '-o', 'json']);
    expect(before.exitCode).toBe(85);
    const events = before.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((e) => [e.type, e.data.message])).toEqual([
      [
        'io.k8s.sigs.minikube.info',
        'Profile "minikube" not found. Run "minikube profile list" to view all profiles.\n',
      ],
      ['io.k8s.sigs.minikube.info', 'To start a cluster, run: "minikube start"\n'],
    ]);

    await sandbox.exec('minikube', ['start', '--cpus=4', '--kubernetes-version=v1.29.0']);
    const after = await sandbox.exec('minikube', ['status', '-o', 'json']);
    expect(after.exitCode).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual({
      Name: 'minikube',
      Host: 'Running',
      Kubelet: 'Running',
      APIServer: 'Running',
      Kubeconfig: 'Configured',
      Worker: false,
    });
    expect(sandbox.state.cluster('minikube')).toMatchObject({
      cpus: '4',
      kubernetesVersion: 'v1.29.0',
    });
    expect((await sandbox.exec('kubectl', ['config', 'current-context'])).stdout.trim()).toBe(
      'minikube',
    );
  });

  it('answers minikube status with an array for a multi-node profile, workers Irrelevant', async () => {
    await sandbox.exec('minikube', ['start', '-p', 'multi', '--nodes', '2']);
    const status = await sandbox.exec('minikube', ['status', '-p', 'multi', '-o', 'json']);
    expect(status.exitCode).toBe(0);
    expect(JSON.parse(status.stdout)).toEqual([
      {
        Name: 'multi',
        Host: 'Running',
        Kubelet: 'Running',
        APIServer: 'Running',
        Kubeconfig: 'Configured',
        Worker: false,
      },
      {
        Name: 'multi-m02',
        Host: 'Running',
        Kubelet: 'Running',
        APIServer: 'Irrelevant',
        Kubeconfig: 'Irrelevant',
        Worker: true,
      },
    ]);
  });

  it("says Misconfigured (exit 4) when the profile's cluster entry points at another server", async () => {
    await sandbox.exec('minikube', ['start']);
    sandbox.addContext('minikube', 'https://127.0.0.1:6553');
    const status = await sandbox.exec('minikube', ['status', '-o', 'json']);
    expect(status.exitCode).toBe(4);
    expect(JSON.parse(status.stdout)).toMatchObject({ Kubeconfig: 'Misconfigured' });
  });

  it('lists every addon as {} for a missing profile, and sorted Profile/Status entries for one', async () => {
    const missing = await sandbox.exec('minikube', ['addons', 'list', '-p', 'none', '-o', 'json']);
    expect(missing.exitCode).toBe(0);
    expect(Object.values(JSON.parse(missing.stdout))).toEqual(expect.arrayContaining([{}]));
    await sandbox.exec('minikube', ['start']);
    await sandbox.exec('minikube', ['addons', 'enable', 'ingress']);
    const list = JSON.parse(
      (await sandbox.exec('minikube', ['addons', 'list', '-o', 'json'])).stdout,
    ) as Record<string, unknown>;
    expect(Object.keys(list)).toEqual([...Object.keys(list)].sort());
    expect(list['ingress']).toEqual({ Profile: 'minikube', Status: 'enabled' });
    expect(list['metrics-server']).toEqual({ Profile: 'minikube', Status: 'disabled' });
  });

  it("loses one of two addons enabled at the same time, as minikube's SetAndSave does", async () => {
    await sandbox.exec('minikube', ['start']);
    sandbox.configure({ delays: [{ tool: 'minikube', command: 'addons enable', ms: 1500 }] });
    await Promise.all([
      sandbox.exec('minikube', ['addons', 'enable', 'ingress']),
      sandbox.exec('minikube', ['addons', 'enable', 'metrics-server']),
    ]);
    expect(sandbox.state.addons('minikube')).toHaveLength(1);
  });

  it("refuses to downgrade an existing profile's Kubernetes version (K8S_DOWNGRADE_UNSUPPORTED)", async () => {
    await sandbox.exec('minikube', ['start', '--kubernetes-version=v1.30.0']);
    await sandbox.exec('minikube', ['stop']);
    const start = await sandbox.exec('minikube', ['start', '--kubernetes-version=v1.29.0']);
    expect(start.exitCode).toBe(106);
    expect(start.stderr).toContain(
      'Exiting due to K8S_DOWNGRADE_UNSUPPORTED: Unable to safely downgrade existing Kubernetes v1.30.0 cluster to v1.29.0',
    );
  });

  it('fails kind load docker-image on the containerd image store, and loads a --platform archive', async () => {
    await sandbox.exec('kind', ['create', 'cluster']);
    sandbox.state.saveImage('local', { ref: 'demo:1', id: 'sha256:abc', created: '', size: 1 });
    sandbox.configure({ imageStore: 'containerd' });
    const direct = await sandbox.exec('kind', ['load', 'docker-image', 'demo:1']);
    expect(direct.exitCode).toBe(1);
    expect(direct.stderr).toMatch(
      /ERROR: failed to load image: command "docker exec --privileged -i kind-control-plane ctr --namespace=k8s.io images import --all-platforms --digests --snapshotter=overlayfs -" failed with error: exit status 1\nCommand Output: ctr: content digest sha256:\w+: not found/,
    );
    const whole = join(sandbox.root, 'whole.tar');
    await sandbox.exec('docker', ['image', 'save', '-o', whole, 'demo:1']);
    expect((await sandbox.exec('kind', ['load', 'image-archive', whole])).exitCode).toBe(1);
    const single = join(sandbox.root, 'single.tar');
    await sandbox.exec('docker', [
      'image',
      'save',
      '--platform',
      'linux/amd64',
      '-o',
      single,
      'demo:1',
    ]);
    expect((await sandbox.exec('kind', ['load', 'image-archive', single])).exitCode).toBe(0);
    expect(sandbox.state.image('kind/kind', 'demo:1')).toBeDefined();
  });

  it("builds into minikube's daemon only when docker-env's variables are passed", async () => {
    await sandbox.exec('minikube', ['start']);
    const envLines = (await sandbox.exec('minikube', ['docker-env', '--shell', 'none'])).stdout;
    const dockerEnv = Object.fromEntries(
      envLines
        .trim()
        .split('\n')
        .map((line) => line.split(/=(.*)/s).slice(0, 2)),
    );
    expect(dockerEnv).toMatchObject({ MINIKUBE_ACTIVE_DOCKERD: 'minikube' });

    const context = join(sandbox.root, 'app');
    mkdirSync(context);
    writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\n');
    const restore = sandbox.apply();
    Object.assign(process.env, dockerEnv);
    try {
      const built = await sandbox.exec('docker', ['build', '-t', 'demo:1', context]);
      expect(built.exitCode).toBe(0);
    } finally {
      for (const key of Object.keys(dockerEnv)) delete process.env[key];
      restore();
    }
    expect(sandbox.state.image('minikube/minikube', 'demo:1')).toBeDefined();
    const local = await sandbox.exec('docker', ['image', 'inspect', 'demo:1']);
    expect(local.exitCode).toBe(1);
    expect(local.stderr).toContain('No such image: demo:1');
  });

  it('records a helm release with its supplied values and description, as helm status -o json shows it', async () => {
    await sandbox.exec('minikube', ['start']);
    const chart = writeChart();
    const upgrade = await sandbox.exec('helm', [
      'upgrade',
      '--install',
      'demo',
      chart,
      '-n',
      'apps',
      '--create-namespace',
      '--set',
      'tag=1.2.3-abc,replicas=2',
      '--set-string',
      'port=80',
      '--description',
      'digest=42',
      '--wait',
      '--atomic',
      '--kube-context',
      'minikube',
    ]);
    expect(upgrade.exitCode).toBe(0);
    const status = JSON.parse(
      (await sandbox.exec('helm', ['status', 'demo', '-n', 'apps', '-o', 'json'])).stdout,
    );
    // Helm 3.17 cmd/helm/status.go strips the chart; helmtime prints a zero `deleted` as "".
    expect(Object.keys(status)).toEqual([
      'name',
      'info',
      'config',
      'manifest',
      'version',
      'namespace',
    ]);
    expect(Object.keys(status.info)).toEqual([
      'first_deployed',
      'last_deployed',
      'deleted',
      'description',
      'status',
    ]);
    expect(status).toMatchObject({
      name: 'demo',
      namespace: 'apps',
      version: 1,
      info: { status: 'deployed', description: 'digest=42', deleted: '' },
      config: { tag: '1.2.3-abc', replicas: 2, port: '80' },
    });
    expect(status.info.last_deployed).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*[1-9])?Z$/);
    expect(status.manifest).toContain('# Source: demo/templates/');
  });

  it('rolls an upgrade back when it fails with --atomic, leaving the previous values deployed', async () => {
    await sandbox.exec('minikube', ['start']);
    const chart = writeChart();
    const install = installDemo(chart, '--atomic');
    await sandbox.exec('helm', [...install, '--set', 'tag=one']);
    sandbox.configure({
      failures: [
        { tool: 'helm', command: 'upgrade', stderr: 'timed out waiting for the condition' },
      ],
    });

    const failed = await sandbox.exec('helm', [...install, '--set', 'tag=two']);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain('has been rolled back due to atomic being set: timed out');
    const history = JSON.parse(
      (await sandbox.exec('helm', ['history', 'demo', '-n', 'apps', '-o', 'json'])).stdout,
    );
    expect(history.map((r: { status: string }) => r.status)).toEqual([
      'superseded',
      'failed',
      'deployed',
    ]);
    expect(sandbox.state.release('minikube', 'apps', 'demo')?.revisions.at(-1)?.config).toEqual({
      tag: 'one',
    });
  });

  it('prints status and history JSON as Helm 4.1 does: no zero deleted time, apply_method ssa', async () => {
    sandbox.configure({ versions: { helm: 'v4.1.4' } });
    await sandbox.exec('minikube', ['start']);
    const chart = writeChart();
    await sandbox.exec('helm', [
      'upgrade',
      '--install',
      'demo',
      chart,
      '-n',
      'apps',
      '--create-namespace',
    ]);
    const status = JSON.parse(
      (await sandbox.exec('helm', ['status', 'demo', '-n', 'apps', '-o', 'json'])).stdout,
    );
    expect(Object.keys(status)).toEqual([
      'name',
      'info',
      'manifest',
      'version',
      'namespace',
      'apply_method',
    ]);
    expect(Object.keys(status.info)).toEqual([
      'first_deployed',
      'last_deployed',
      'description',
      'status',
    ]);
    expect(status).toMatchObject({
      apply_method: 'ssa',
      info: { status: 'deployed', description: 'Install complete' },
    });
    const history = JSON.parse(
      (await sandbox.exec('helm', ['history', 'demo', '-n', 'apps', '-o', 'json'])).stdout,
    );
    expect(history).toEqual([
      {
        revision: 1,
        updated: status.info.last_deployed,
        status: 'deployed',
        chart: 'demo-1.2.3',
        app_version: '1.2.3',
        description: 'Install complete',
      },
    ]);
  });

  it('refuses to upgrade a release a killed helm left pending, and rolls a pending upgrade back on request', async () => {
    await sandbox.exec('minikube', ['start']);
    const chart = writeChart();
    const install = installDemo(chart, '--wait');
    await sandbox.exec('helm', [...install, '--set', 'tag=one']);
    sandbox.configure({ delays: [{ tool: 'helm', command: 'upgrade', ms: 30_000 }] });
    const killed = sandbox.exec('helm', [...install, '--set', 'tag=two']);
    await expect
      .poll(
        () => sandbox.state.release('minikube', 'apps', 'demo')?.revisions.at(-1)?.info.status,
        { timeout: 20_000 },
      )
      .toBe('pending-upgrade');
    // Only this test's helm: the chart's temporary directory is in its command line, so suites
    // running beside this one (another checkout, CI) keep theirs.
    execFileSync('pkill', ['-KILL', '-f', `fake-tool.mjs helm upgrade --install demo ${chart} `]);
    await killed;
    sandbox.configure({ delays: [] });

    const refused = await sandbox.exec('helm', [...install, '--set', 'tag=three']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress',
    );
    const rollback = await sandbox.exec('helm', ['rollback', 'demo', '1', '-n', 'apps']);
    expect(rollback.stdout.trim()).toBe('Rollback was a success! Happy Helming!');
    const history = JSON.parse(
      (await sandbox.exec('helm', ['history', 'demo', '-n', 'apps', '-o', 'json'])).stdout,
    );
    expect(
      history.map((r: { status: string; description: string }) => `${r.status}: ${r.description}`),
    ).toEqual([
      'superseded: Install complete',
      'failed: Preparing upgrade',
      'deployed: Rollback to 1',
    ]);
    expect((await sandbox.exec('helm', [...install, '--set', 'tag=three'])).exitCode).toBe(0);
  });

  it('fails cluster-facing helm calls like an unreachable API server when the cluster is stopped', async () => {
    await sandbox.exec('minikube', ['start']);
    await sandbox.exec('minikube', ['stop']);
    const status = await sandbox.exec('helm', ['status', 'demo', '-o', 'json']);
    expect(status.exitCode).toBe(1);
    expect(status.stderr).toMatch(/connection to the server 127\.0\.0\.1:8443 was refused/);
  });

  it('passes offline helm commands to the real helm binary', async () => {
    const rendered = await sandbox.exec('helm', [
      'template',
      'demo',
      writeChart(),
      '--set',
      'tag=x1',
    ]);
    expect(rendered.exitCode).toBe(0);
    expect(rendered.stdout).toContain('tag: "x1"');
  });

  it('reports tool versions in the real output shapes, overridable per test', async () => {
    sandbox.configure({ versions: { kubectl: 'v1.28.4', helm: 'v3.13.0' } });
    const kubectl = JSON.parse(
      (await sandbox.exec('kubectl', ['version', '--client', '-o', 'json'])).stdout,
    );
    expect(kubectl.clientVersion).toMatchObject({ major: '1', minor: '28', gitVersion: 'v1.28.4' });
    expect((await sandbox.exec('helm', ['version', '--template', '{{.Version}}'])).stdout).toBe(
      'v3.13.0\n',
    );
    expect(
      (await sandbox.exec('docker', ['version', '--format', '{{.Client.Version}}'])).stdout,
    ).toBe('27.3.1\n');
    expect(
      JSON.parse((await sandbox.exec('minikube', ['version', '--output=json'])).stdout),
    ).toMatchObject({
      minikubeVersion: 'v1.34.0',
    });
  });

  it('logs every call with its argv and exit code, and fails the first N calls when told to', async () => {
    sandbox.configure({
      failures: [{ tool: 'kind', command: 'get clusters', stderr: 'boom', times: 1 }],
    });
    expect((await sandbox.exec('kind', ['get', 'clusters'])).exitCode).toBe(1);
    expect((await sandbox.exec('kind', ['get', 'clusters'])).exitCode).toBe(0);
    expect(sandbox.calls('kind').map((c) => [c.args.join(' '), c.exitCode])).toEqual([
      ['get clusters', 1],
      ['get clusters', 0],
    ]);
  });

  it('refuses commands it does not know instead of pretending to succeed', async () => {
    const result = await sandbox.exec('docker', ['compose', 'up']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('fake docker: unsupported command: docker compose up');
  });

  it("passes kubectl commands it does not simulate to the real kubectl, against the kubeconfig's server", async () => {
    sandbox.configure({ apiServer: 'https://127.0.0.1:1' });
    await sandbox.exec('minikube', ['start']);
    const result = await sandbox.exec('kubectl', [
      'get',
      '--raw',
      '/readyz',
      '--request-timeout=5s',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/127\.0\.0\.1:1.*refused/);
  });
});
