import { beforeAll, describe, expect, it } from 'vitest';
import { commandLines } from './lib/commands';
import { unknownCommand } from './lib/known-commands';
import { missingPieces, productSources } from './lib/source-messages';
import { npmScripts, nxTargets, readWorkspaceFile } from './lib/workspace';

const demo = readWorkspaceFile('docs/DEMO.md');

/** Fenced blocks of one language, optionally only those under one `##` section. */
function blocks(language: string, section?: string): string[] {
  const text = section ? (demo.split(/^## /m).find((s) => s.startsWith(section)) ?? '') : demo;
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) =>
    m[1].trim(),
  );
}

let sources: string;
let targets: Map<string, Set<string>>;
beforeAll(() => {
  sources = productSources();
  targets = nxTargets();
});

describe('docs/DEMO.md (T053)', () => {
  it('has a quick start, a 5-minute demo script, talking points and a troubleshooting guide', () => {
    const headings = [...demo.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'Quick start',
      '5-minute demo script',
      'Talking points',
      'Troubleshooting',
    ]);
  });

  it('walks through deploy, the graph, a one-file redeploy, a killed pod, a database restart and the chatbot', () => {
    const script = demo.split(/^## /m).find((s) => s.startsWith('5-minute demo script')) ?? '';
    for (const step of [
      'npx nx run-many -t deploy',
      'npx nx graph',
      'npx nx show projects --affected',
      'self-healing',
      'persistence',
      'Add a task to demo Kubernetes',
    ]) {
      expect(script).toContain(step);
    }
  });

  it("shows what T053 asks for: the task list's script, the Helm release, the images in minikube, the health check", () => {
    const commands = blocks('bash')
      .flatMap(commandLines)
      .map((line) => line.text);
    for (const verb of ['setup', 'status', 'health', 'logs', 'verify', 'destroy']) {
      expect(commands).toContainEqual(
        expect.stringMatching(`^bash scripts/ai-deploy.sh ${verb}\\b`),
      );
    }
    expect(commands).toEqual(
      expect.arrayContaining([
        'helm list -n pakaura',
        'helm status pakaura -n pakaura',
        'minikube image ls | grep pakaura',
        'kubectl exec -n pakaura deploy/api -- curl -s localhost:8000/api/v1/health',
      ]),
    );
  });

  it('tells people to run only nx targets and npm scripts that exist', () => {
    const problems = blocks('bash')
      .flatMap(commandLines)
      .map((command) => unknownCommand(command, targets, npmScripts()))
      .filter(Boolean);
    expect(problems).toEqual([]);
  });

  it('quotes in its troubleshooting guide only messages the tools really print', () => {
    const quoted = blocks('text', 'Troubleshooting');
    expect(quoted.length).toBeGreaterThan(15);
    const invented = quoted
      .map((message) => ({ message, missing: missingPieces(message, sources) }))
      .filter((entry) => entry.missing.length > 0);
    expect(invented).toEqual([]);
  });

  it('would notice a quoted message that no tool prints', () => {
    expect(missingPieces('Kube context "<name>" is not reachable over the moon.', sources)).toEqual(
      ['" is not reachable over the moon.'],
    );
  });
});
