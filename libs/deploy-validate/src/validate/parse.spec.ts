import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse';
import { formatFinding } from './types';

describe('parseManifests', () => {
  it('returns one object per document and skips empty documents', () => {
    const { objects, findings } = parseManifests(
      '---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n---\n---\n# only a comment\n---\nkind: Secret\n',
      'bundle.yaml',
    );
    expect(findings).toEqual([]);
    expect(objects.map((o) => [o.source, o.index, o.object['kind']])).toEqual([
      ['bundle.yaml', 0, 'ConfigMap'],
      ['bundle.yaml', 3, 'Secret'],
    ]);
  });

  it('names the file and document of a YAML syntax error', () => {
    const { findings } = parseManifests('kind: A\n---\nkind: [unclosed\n', 'bad.yaml');
    expect(findings.map(formatFinding)).toEqual([
      expect.stringMatching(/^bad\.yaml: document 2: is not valid YAML: /),
    ]);
  });

  it('refuses duplicate keys, which kubectl would silently resolve', () => {
    const { findings } = parseManifests('kind: A\nkind: B\n', 'dup.yaml');
    expect(findings[0].message).toMatch(/not valid YAML: .*unique/i);
  });

  it('refuses a document that is not a mapping', () => {
    const { findings } = parseManifests('- a\n- b\n', 'list.yaml');
    expect(formatFinding(findings[0])).toBe(
      'list.yaml: document 1: is not a Kubernetes object (expected a mapping with apiVersion and kind)',
    );
  });

  it('attributes each rendered object to the Helm template that produced it', () => {
    const rendered =
      '---\n# Source: app/templates/api/service.yaml\napiVersion: v1\nkind: Service\n---\n# Source: app/templates/configmap.yaml\nkind: ConfigMap\n';
    const { objects } = parseManifests(rendered, 'charts/app', 'ingress-off');
    expect(objects.map((o) => o.source)).toEqual([
      'app/templates/api/service.yaml (ingress-off)',
      'app/templates/configmap.yaml (ingress-off)',
    ]);
  });
});
