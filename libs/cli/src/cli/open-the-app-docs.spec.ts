import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { K8S_NAMES, NAMESPACE, RELEASE_NAME } from '@pakaura/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { testContext } from '../../test/cli/test-context';
import { main } from './main';
import { bundledBinary } from '@pakaura/deploy-kube/process';
import { helmTemplate, type ChartValues } from '@pakaura/deploy-validate';
import { OPEN_APP_COMMAND, OPEN_APP_HINT } from '@pakaura/deploy-verify/reach';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CHART = join(ROOT, 'libs', 'chart');

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: { type?: string; ports?: { port: number }[] };
  data?: Record<string, string>;
}

async function render(chartDir: string, values: ChartValues = {}): Promise<Manifest[]> {
  const yaml = await helmTemplate(
    { helm: bundledBinary('helm', 3), chartDir },
    { name: RELEASE_NAME, namespace: NAMESPACE },
    values,
  );
  return parseAllDocuments(yaml)
    .map((doc) => doc.toJSON() as Manifest | null)
    .filter((doc): doc is Manifest => doc !== null);
}

/**
 * NOTES.txt as `helm install` prints it. `helm template` skips NOTES and `helm install
 * --dry-run` needs a cluster, so a copy of the chart renders the same text through `tpl`, with
 * the chart's own helpers and values.
 */
async function renderNotes(workDir: string, values: ChartValues = {}): Promise<string> {
  const chart = join(workDir, 'chart');
  cpSync(CHART, chart, { recursive: true });
  renameSync(join(chart, 'templates', 'NOTES.txt'), join(chart, 'notes-source.txt'));
  writeFileSync(
    join(chart, 'templates', 'zz-rendered-notes.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rendered-notes\ndata:\n  notes: {{ tpl (.Files.Get "notes-source.txt") . | quote }}\n',
  );
  const notes = (await render(chart, values)).find((m) => m.metadata.name === 'rendered-notes');
  return notes?.data?.['notes'] ?? '';
}

describe('every place that tells a person how to open the app says the same thing', () => {
  let workDir: string;
  let service: Manifest;
  const places: Record<string, string> = {};
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'pakaura-notes-'));
    const frontend = (await render(CHART)).find(
      (m) => m.kind === 'Service' && m.metadata.name === K8S_NAMES.frontend,
    );
    if (!frontend) throw new Error(`the chart renders no Service ${K8S_NAMES.frontend}`);
    service = frontend;
    places['README.md'] = readFileSync(join(ROOT, 'README.md'), 'utf8');
    places['docs/DEMO.md'] = readFileSync(join(ROOT, 'docs', 'DEMO.md'), 'utf8');
    places['NOTES.txt'] = await renderNotes(workDir);
    const setup = testContext();
    await main(['setup'], setup);
    places['pakaura setup'] = setup.lines.join('\n');
  }, 60_000);
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('renders the frontend Service as a ClusterIP: a port-forward reaches it, `minikube service` cannot', () => {
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec.ports?.[0]?.port).toBeGreaterThan(0);
  });

  it.each(['README.md', 'docs/DEMO.md', 'NOTES.txt', 'pakaura setup'])(
    '%s names `npx pakaura open` and never sends anyone to `minikube service <name>`',
    (place) => {
      expect(places[place]).toContain(OPEN_APP_COMMAND);
      expect(places[place]).not.toMatch(/minikube service [a-z]/);
    },
  );

  it('setup ends with the same line the deploy ends with', () => {
    expect(places['pakaura setup'].split('\n').at(-1)).toBe(OPEN_APP_HINT);
  });

  it.each(['README.md', 'NOTES.txt'])(
    '%s gives the port-forward by hand for the Service the chart renders, and the URL it serves',
    (place) => {
      const port = service.spec.ports?.[0]?.port;
      expect(places[place]).toContain(
        `kubectl -n ${NAMESPACE} port-forward service/${service.metadata.name} ${port}:${port}`,
      );
      expect(places[place]).toContain(`http://127.0.0.1:${port}/`);
    },
  );

  it("NOTES.txt names the host the Ingress really answers on: the task list's ingress.hostname when set", async () => {
    const notes = await renderNotes(join(workDir, 'hostname'), {
      'ingress.hostname': 'tasks.example.test',
    });
    expect(notes).toContain('127.0.0.1 tasks.example.test');
    expect(notes).not.toMatch(/127\.0\.0\.1 pakaura\.local/);
  });
});
