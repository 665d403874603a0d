import { redact, run } from '@pakaura/deploy-kube/process';
import { TARGET_KUBERNETES_VERSION } from './served-apis';

/** Values for one render, by dotted path: `{ 'api.replicas': 1 }`. Passed with --set-json. */
export type ChartValues = Readonly<Record<string, unknown>>;

export interface HelmChart {
  /** The helm binary (resolveBinary('helm') or bundledBinary('helm', 3|4)). */
  helm: string;
  chartDir: string;
  /** Kubernetes version for .Capabilities and deprecation checks; default the target, 1.29. */
  kubeVersion?: string;
}

function valueArgs(values: ChartValues): string[] {
  return Object.entries(values).flatMap(([path, value]) => [
    '--set-json',
    `${path}=${JSON.stringify(value)}`,
  ]);
}

/** String values of a render, masked in every error message (they may be secrets). */
function secretsOf(values: ChartValues): string[] {
  return Object.values(values).filter((v): v is string => typeof v === 'string');
}

/**
 * `helm lint --strict`: warnings fail too. Throws one error with everything helm reported below
 * INFO level (helm writes it to stdout and only a summary to stderr). Lint renders in a lenient
 * mode where a template's `fail` is only INFO, so `helmTemplate` is what catches those.
 */
export async function helmLint(chart: HelmChart, values: ChartValues = {}): Promise<string> {
  const args = [
    'lint',
    chart.chartDir,
    '--strict',
    '--kube-version',
    chart.kubeVersion ?? TARGET_KUBERNETES_VERSION,
    ...valueArgs(values),
  ];
  const result = await run(chart.helm, args, { reject: false, secrets: secretsOf(values) });
  if (result.exitCode !== 0) {
    const problems = result.stdout
      .split('\n')
      .filter(
        (line) => line.trim() && !/^==> Linting|^\[INFO\]|chart\(s\) linted/.test(line.trim()),
      )
      .map((line) => `  ${line.trim()}`);
    throw new Error(
      redact(
        `helm lint --strict failed for ${chart.chartDir}:\n${problems.join('\n')}`,
        secretsOf(values),
      ),
    );
  }
  return result.stdout;
}

/** `helm template`: the rendered YAML, or one error with helm's whole complaint. */
export async function helmTemplate(
  chart: HelmChart,
  release: { name: string; namespace: string },
  values: ChartValues = {},
): Promise<string> {
  const args = [
    'template',
    release.name,
    chart.chartDir,
    '--namespace',
    release.namespace,
    '--kube-version',
    chart.kubeVersion ?? TARGET_KUBERNETES_VERSION,
    ...valueArgs(values),
  ];
  const result = await run(chart.helm, args, { reject: false, secrets: secretsOf(values) });
  if (result.exitCode !== 0) {
    const detail = result.stderr
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('Use --debug'))
      .join('\n');
    throw new Error(
      redact(`helm template failed: ${detail.replace(/^Error: /, '')}`, secretsOf(values)),
    );
  }
  return result.stdout;
}
